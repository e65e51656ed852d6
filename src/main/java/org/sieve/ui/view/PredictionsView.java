package org.sieve.ui.view;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.sieve.analysis.ClassScores;
import org.sieve.model.ModelKind;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.Prediction;

/**
 * The model's five most probable classes (a detector's five best class scores) for the panel's image,
 * with bars; for a feature extractor, a note that it predicts nothing.
 */
public final class PredictionsView extends VBox {

    private final PanelState panel;
    private final GridPane rows = new GridPane();
    private static final String WAITING = "Predicting ...";

    private final Label empty = Fx.hint(WAITING);

    public PredictionsView(PanelState panel) {
        this.panel = panel;
        setSpacing(4);
        getStyleClass().add("predictions");
        setId("predictions-" + panel.id());
        empty.setId("predictions-note-" + panel.id());
        empty.setPrefWidth(220);
        rows.setHgap(6);
        rows.setVgap(3);
        Label fit = Fx.hint("");
        fit.setId("fit-note-" + panel.id());
        fit.getStyleClass().add("tile-warning");
        fit.setPrefWidth(220);
        fit.textProperty().bind(panel.fitNote());
        fit.visibleProperty().bind(panel.fitNote().isNotEmpty());
        fit.managedProperty().bind(fit.visibleProperty());
        getChildren().addAll(Fx.heading("The model sees"), empty, rows, fit);
        panel.predictions().addListener((ListChangeListener<Prediction>) c -> update());
        panel.model().addListener((o, was, now) -> update());
        update();
    }

    private void update() {
        rows.getChildren().clear();
        String none = panel.model().get() == null ? null : ClassScores.none(panel.model().get().metadata());
        empty.setText(none == null ? WAITING : none);
        empty.setVisible(panel.predictions().isEmpty());
        empty.setManaged(panel.predictions().isEmpty());
        boolean probabilities = panel.model().get() == null
                || panel.model().get().metadata().kind().type() != ModelKind.Type.DETECTOR;
        int r = 0;
        for (Prediction p : panel.predictions()) {
            Label label = new Label(p.label());
            label.getStyleClass().add(r == 0 ? "prediction-top" : "prediction");
            // A detector's score is a heatmap value, not a probability: the bar stays inside 0..1.
            ProgressBar bar = new ProgressBar(Math.max(0, Math.min(1, p.probability())));
            bar.setPrefWidth(90);
            bar.getStyleClass().add("prediction-bar");
            Label pct = new Label(probabilities ? String.format(Locale.ROOT, "%.1f%%", 100 * p.probability())
                    : String.format(Locale.ROOT, "%.2f", p.probability()));
            pct.getStyleClass().add("hint");
            rows.addRow(r++, label, bar, pct);
        }
    }
}
