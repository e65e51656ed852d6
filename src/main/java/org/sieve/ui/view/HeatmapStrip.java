package org.sieve.ui.view;

import java.awt.image.BufferedImage;
import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.sieve.analysis.AnalysisResult;
import org.sieve.analysis.Reconstructions;
import org.sieve.analysis.ResultFiles;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.LayerResult;
import org.sieve.render.ColourScale;
import org.sieve.render.HeatmapRenderer;
import org.sieve.report.ComparisonSheet;
import org.sieve.service.JobResult;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.PanelState;

/**
 * The paper's signature figure for one panel: every analysed layer's pixel-wise entropy (or
 * reconstruction uncertainty) over the image, in network order, on the colour scale shared by all
 * panels, with the colour bar at the end. For metric 2 a second row puts the input beside each
 * layer's reconstruction of it, under that layer's map. Drawn by the same renderers as the PNG
 * files; click a layer for the large view.
 */
public final class HeatmapStrip extends VBox {

    private static final String DISCARDS = "What each layer discards";

    private final AppModel app;
    private final PanelState panel;
    private final SharedScale shared;
    private final GridPane tiles = new GridPane();
    private final Label heading = Fx.heading(DISCARDS);
    private final Label hint = Fx.hint("Press Analyze (F5) to see what each layer discards.");
    private boolean pending;

    HeatmapStrip(AppModel app, PanelState panel, SharedScale shared) {
        this.app = app;
        this.panel = panel;
        this.shared = shared;
        setSpacing(4);
        tiles.setId("heatmaps-" + panel.id());
        tiles.setHgap(6);
        tiles.setVgap(6);
        tiles.setAlignment(Pos.TOP_LEFT);
        for (int row = 0; row < 2; row++) {
            RowConstraints top = new RowConstraints();
            top.setValignment(VPos.TOP);
            tiles.getRowConstraints().add(top);
        }
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("strip-scroll");
        scroll.visibleProperty().bind(hint.visibleProperty().not());
        scroll.managedProperty().bind(scroll.visibleProperty());
        getChildren().addAll(heading, hint, scroll);
        panel.result().addListener(o -> redraw());
        shared.scales().addListener(o -> redraw());
        app.colourMap().addListener(o -> redraw());
        app.opacity().addListener(o -> redraw());
        app.presentation().addListener(o -> redraw());
        redraw();
    }

    /** Redraws once per frame at most, however fast the slider moves. */
    private void redraw() {
        if (pending) {
            return;
        }
        pending = true;
        javafx.application.Platform.runLater(() -> {
            pending = false;
            draw();
        });
    }

    private void draw() {
        tiles.getChildren().clear();
        JobResult result = panel.result().get();
        hint.setVisible(result == null);
        hint.setManaged(result == null);
        ColourScale scale = result == null ? null : shared.of(result.analysis());
        if (scale == null) {
            return;
        }
        AnalysisResult analysis = result.analysis();
        PreparedImage img = analysis.request().image();
        int size = app.presentation().get() ? 240 : 150;
        List<LayerResult> layers = analysis.discarding().layers();
        boolean rebuilt = ComparisonSheet.rebuilt(analysis);
        heading.setText(rebuilt ? DISCARDS + ", and what a decoder rebuilds from it" : DISCARDS);
        // With reconstructions the input takes the first column, so each map stands above its reconstruction.
        int first = rebuilt ? 1 : 0;
        double tileHeight = size;
        for (int i = 0; i < layers.size(); i++) {
            LayerResult l = layers.get(i);
            if (!l.ok()) {
                Label failed = new Label(l.name() + "\nfailed:\n" + l.failure());
                failed.setWrapText(true);
                failed.setMaxWidth(size);
                failed.getStyleClass().add("failed-layer");
                tiles.add(failed, first + i, 0);
                continue;
            }
            ImageView view = tile(HeatmapRenderer.renderPanel(img, l.entropyMap(), scale, app.colourMap().get(),
                    app.opacity().get(), l.name(), ResultFiles.subtitle(analysis, l), size), "heatmap-", l,
                    "Click for the large view with values per cell", result, scale);
            tileHeight = view.getImage().getHeight();
            tiles.add(view, first + i, 0);
            if (l.reconstruction() != null) {
                tiles.add(tile(Reconstructions.render(img, l, size), "reconstruction-", l,
                        "What a decoder, trained on the layer's features, rebuilds of the input from " + l.name()
                                + "; MSE: its mean squared error per pixel. Click for the large view.", result, scale),
                        first + i, 1);
            }
        }
        int barHeight = (int) Math.max(120, tileHeight);
        ImageView bar = new ImageView(Fx.image(HeatmapRenderer.colourBar(scale, app.colourMap().get(), barHeight)));
        bar.setId("colour-bar-" + panel.id());
        bar.setAccessibleText(scale.label());
        tiles.add(bar, first + layers.size(), 0);
        if (rebuilt) {
            Label about = Fx.hint("Above: how uncertain the input is, region by region, given the layer's features."
                    + " Below: the input and what a decoder rebuilds from each layer.");
            about.setMaxWidth(size);
            tiles.add(about, 0, 0);
            ImageView input = new ImageView(Fx.image(ComparisonSheet.inputPanel(img, size)));
            input.setId("input-tile-" + panel.id());
            tiles.add(input, 0, 1);
        }
    }

    /**
     * A rendered panel of a layer with an id per panel and layer (e.g. heatmap-A-conv1) and a tip;
     * a click opens the layer's large view.
     */
    private ImageView tile(BufferedImage picture, String kind, LayerResult l, String tip, JobResult result,
            ColourScale scale) {
        ImageView view = new ImageView(Fx.image(picture));
        view.setId(kind + panel.id() + "-" + l.name());
        view.setCursor(Cursor.HAND);
        view.getStyleClass().add("heatmap-tile");
        javafx.scene.control.Tooltip.install(view, Fx.tip(tip));
        view.setOnMouseClicked(e -> LayerDetailWindow.show(getScene().getWindow(), app, result, l, scale));
        return view;
    }
}
