package org.sieve.ui.view;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.Prediction;

/** The model's five most probable classes for the panel's image, with bars. */
public final class PredictionsView extends VBox {

    private final PanelState panel;
    private final GridPane rows = new GridPane();
    private final Label empty = Fx.hint("Predicting ...");

    public PredictionsView(PanelState panel) {
        this.panel = panel;
        setSpacing(4);
        getStyleClass().add("predictions");
        setId("predictions-" + panel.id());
        rows.setHgap(6);
        rows.setVgap(3);
        getChildren().addAll(Fx.heading("The model sees"), empty, rows);
        panel.predictions().addListener((ListChangeListener<Prediction>) c -> update());
        update();
    }

    private void update() {
        rows.getChildren().clear();
        empty.setVisible(panel.predictions().isEmpty());
        empty.setManaged(panel.predictions().isEmpty());
        int r = 0;
        for (Prediction p : panel.predictions()) {
            Label label = new Label(p.label());
            label.getStyleClass().add(r == 0 ? "prediction-top" : "prediction");
            ProgressBar bar = new ProgressBar(p.probability());
            bar.setPrefWidth(90);
            bar.getStyleClass().add("prediction-bar");
            Label pct = new Label(String.format(Locale.ROOT, "%.1f%%", 100 * p.probability()));
            pct.getStyleClass().add("hint");
            rows.addRow(r++, label, bar, pct);
        }
    }
}
