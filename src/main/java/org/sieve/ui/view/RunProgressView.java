package org.sieve.ui.view;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.sieve.report.LayerWarnings;
import org.sieve.ui.model.LayerProgress;
import org.sieve.ui.model.RunState;

/** Per-layer progress of the panel's analysis: bar, current entropy (or reconstruction uncertainty) and D/D0, state. */
public final class RunProgressView extends VBox {

    private final RunState run;
    private final GridPane rows = new GridPane();
    private final Label phase = new Label();
    private final String id;

    public RunProgressView(RunState run, String id) {
        this.run = run;
        this.id = id;
        setSpacing(4);
        setId("progress-" + id);
        getStyleClass().add("run-progress");
        rows.setHgap(6);
        rows.setVgap(2);
        phase.getStyleClass().add("hint");
        phase.setWrapText(true);
        phase.textProperty().bind(run.phase());
        getChildren().addAll(Fx.heading("Progress"), phase, rows);
        run.layers().addListener((ListChangeListener<LayerProgress>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        rows.getChildren().clear();
        int r = 0;
        for (LayerProgress l : run.layers()) {
            Label name = new Label(l.layer());
            ProgressBar bar = new ProgressBar();
            bar.setPrefWidth(100);
            bar.progressProperty().bind(l.progress());
            Label values = new Label();
            values.getStyleClass().add("hint");
            values.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
                double h = l.entropy().get();
                double d = l.distortionRatio().get();
                String nums = Double.isNaN(h) ? "" : String.format(Locale.ROOT, "%s %.3f · D/D0 %.2f · ",
                        run.metric().get().meanSymbol(), h, d);
                return nums + l.state().get();
            }, l.entropy(), l.distortionRatio(), l.state(), run.metric()));
            Label warn = new Label(null, Fx.icon(MaterialDesignA.ALERT));
            warn.setId("progress-warning-" + id + "-" + l.layer());
            warn.getStyleClass().add("tile-warning");
            warn.visibleProperty().bind(l.warnings().map(LayerWarnings::any).orElse(false));
            warn.tooltipProperty().bind(l.warnings().map(w -> Fx.tip(w.summary() + "\n\n" + w.advice())));
            warn.accessibleTextProperty().bind(l.warnings().map(LayerWarnings::summary));
            rows.addRow(r++, name, bar, values, warn);
        }
    }
}
