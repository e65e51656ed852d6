package org.sieve.ui.view;

import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.AnalysisListener;
import org.sieve.render.ColourScale;
import org.sieve.render.HeatmapRenderer;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.LayerProgress;
import org.sieve.ui.model.LiveSigma;
import org.sieve.ui.model.PanelState;

/**
 * The sigma grid of one running layer over the image, updated as it is optimised (about ten
 * times a second), as pixel-wise entropy on the fixed range the sigma bounds allow; first the
 * approximate map of metric 1's first-order solution, labelled so.
 */
public final class LiveSigmaView extends VBox {

    private static final double HALF_LOG_2_PI_E = 0.5 * Math.log(2 * Math.PI * Math.E);

    private final AppModel app;
    private final PanelState panel;
    private final ChoiceBox<String> layer = new ChoiceBox<>();
    private final ImageView view = new ImageView();
    private final Label caption = Fx.hint("");

    public LiveSigmaView(AppModel app, PanelState panel, double size) {
        this.app = app;
        this.panel = panel;
        setSpacing(4);
        setId("live-sigma-" + panel.id());
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        layer.setId("live-layer-" + panel.id());
        caption.setId("live-caption-" + panel.id());
        layer.setTooltip(Fx.tip("The layer whose noise scale is shown while it is optimised"));
        getChildren().addAll(Fx.heading("Live sigma"), layer, view, caption);
        panel.run().layers().addListener((ListChangeListener<LayerProgress>) c -> {
            layer.getItems().setAll(panel.run().layers().stream().map(LayerProgress::layer).toList());
            if (!layer.getItems().isEmpty()) {
                layer.setValue(layer.getItems().get(layer.getItems().size() - 1));
            }
        });
        panel.run().sigma().addListener((MapChangeListener<String, LiveSigma>) c -> {
            if (c.wasAdded() && c.getKey().equals(layer.getValue())) {
                show(c.getValueAdded());
            }
        });
        layer.valueProperty().addListener((o, was, name) -> show(name == null ? null : panel.run().sigma().get(name)));
    }

    private void show(LiveSigma live) {
        PreparedImage img = panel.prepared().get();
        if (live == null || img == null || live.sigma().length > img.height()
                || live.sigma()[0].length > img.width()) {
            view.setImage(null);
            caption.setText(live == null ? "Waiting for the first steps ..." : "");
            return;
        }
        float[][] h = new float[live.sigma().length][];
        for (int r = 0; r < h.length; r++) {
            h[r] = new float[live.sigma()[r].length];
            for (int c = 0; c < h[r].length; c++) {
                h[r][c] = (float) (Math.log(live.sigma()[r][c]) + HALF_LOG_2_PI_E);
            }
        }
        var s = app.settings().get();
        ColourScale scale = new ColourScale(Math.log(s.sigmaMin()) + HALF_LOG_2_PI_E,
                Math.log(s.sigmaMax()) + HALF_LOG_2_PI_E, "h");
        view.setImage(Fx.image(HeatmapRenderer.mapImage(img.grayscale(), h, scale, app.colourMap().get(), app.opacity().get(),
                (int) view.getFitWidth())));
        // The engine's first-order estimate comes before the first step; the steps refine it in place.
        caption.setText(live.layer() + (live.step() == AnalysisListener.APPROXIMATE_STEP
                ? " · approximate (first-order estimate)" : " · step " + live.step()));
    }
}
