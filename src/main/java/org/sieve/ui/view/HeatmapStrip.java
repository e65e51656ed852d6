package org.sieve.ui.view;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sieve.analysis.ResultFiles;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.LayerResult;
import org.sieve.render.ColourScale;
import org.sieve.render.HeatmapRenderer;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.PanelState;
import org.sieve.service.JobResult;

/**
 * The paper's signature figure for one panel: every analysed layer's pixel-wise entropy over
 * the image, in network order, on the colour scale shared by all panels, with the colour bar at
 * the end. Drawn by the same renderer as the PNG files; click a layer for the large view.
 */
public final class HeatmapStrip extends VBox {

    private final AppModel app;
    private final PanelState panel;
    private final SharedScale shared;
    private final HBox tiles = new HBox(6);
    private final Label hint = Fx.hint("Press Analyze (F5) to see what each layer discards.");
    private boolean pending;

    HeatmapStrip(AppModel app, PanelState panel, SharedScale shared) {
        this.app = app;
        this.panel = panel;
        this.shared = shared;
        setSpacing(4);
        tiles.setId("heatmaps-" + panel.id());
        tiles.setAlignment(Pos.TOP_LEFT);
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("strip-scroll");
        scroll.visibleProperty().bind(hint.visibleProperty().not());
        scroll.managedProperty().bind(scroll.visibleProperty());
        getChildren().addAll(Fx.heading("What each layer discards"), hint, scroll);
        panel.result().addListener(o -> redraw());
        shared.scale().addListener(o -> redraw());
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
        ColourScale scale = shared.scale().get();
        hint.setVisible(result == null);
        hint.setManaged(result == null);
        if (result == null || scale == null) {
            return;
        }
        PreparedImage img = result.analysis().request().image();
        int size = app.presentation().get() ? 240 : 150;
        double tileHeight = size;
        for (LayerResult l : result.analysis().discarding().layers()) {
            if (!l.ok()) {
                Label failed = new Label(l.name() + "\nfailed:\n" + l.failure());
                failed.setWrapText(true);
                failed.setMaxWidth(size);
                failed.getStyleClass().add("failed-layer");
                tiles.getChildren().add(failed);
                continue;
            }
            ImageView view = new ImageView(Fx.image(HeatmapRenderer.renderPanel(img, l.entropyMap(), scale,
                    app.colourMap().get(), app.opacity().get(), l.name(), ResultFiles.subtitle(result.analysis(), l), size)));
            tileHeight = view.getImage().getHeight();
            view.setId("heatmap-" + panel.id() + "-" + l.name());
            view.setCursor(Cursor.HAND);
            view.getStyleClass().add("heatmap-tile");
            javafx.scene.control.Tooltip.install(view, Fx.tip("Click for the large view with values per cell"));
            view.setOnMouseClicked(e -> LayerDetailWindow.show(getScene().getWindow(), app, result, l, scale));
            tiles.getChildren().add(view);
        }
        int barHeight = (int) Math.max(120, tileHeight);
        ImageView bar = new ImageView(Fx.image(HeatmapRenderer.colourBar(scale, app.colourMap().get(), barHeight)));
        bar.setId("colour-bar-" + panel.id());
        tiles.getChildren().add(bar);
    }
}
