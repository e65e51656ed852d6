package org.sieve.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.sieve.analysis.AnalysisResult;
import org.sieve.analysis.Reconstructions;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.LayerResult;
import org.sieve.render.ColourBar;
import org.sieve.render.ColourScale;
import org.sieve.render.HeatmapRenderer;
import org.sieve.report.Captions;
import org.sieve.report.LayerWarnings;
import org.sieve.report.MapScales;
import org.sieve.service.JobResult;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.PanelState;

/**
 * The paper's signature figure for one panel: every analysed layer's pixel-wise entropy (or
 * reconstruction uncertainty) over the image, in network order, on the colour range of every map
 * on screen (or each its own), with the colour bar beside them. For metric 2 each layer's
 * reconstruction of the input stands under its map, after the input. The tiles fill the width
 * and, where they can, the height the page gives them; click one for the large view. A result
 * that no longer matches the panel's choice is dimmed under a line that says what changed.
 */
public final class HeatmapStrip extends VBox {

    private static final String DISCARDS = "What each layer discards";

    private final AppModel app;
    private final PanelState panel;
    private final SharedScale shared;
    private final TileGrid tiles;
    private final Label heading = Fx.heading(DISCARDS);
    private final Label hint = Fx.hint("Press Analyze (F5) to see what each layer discards.");
    private final Label outdated = new Label(null, Fx.icon(MaterialDesignU.UPDATE));
    private final Label live = new Label("Live: approximate maps that follow the pen or the crop box;"
            + " let go for the full analysis.",
            Fx.icon(MaterialDesignD.DRAW));
    private final VBox failures = new VBox(2);
    private boolean pending;
    private double budget = Double.MAX_VALUE;

    HeatmapStrip(AppModel app, PanelState panel, SharedScale shared, TileSizes sizes) {
        this.app = app;
        this.panel = panel;
        this.shared = shared;
        tiles = new TileGrid(sizes);
        setSpacing(4);
        getStyleClass().add("heatmap-strip");
        tiles.setId("heatmaps-" + panel.id());
        outdated.setId("outdated-" + panel.id());
        outdated.getStyleClass().add("outdated");
        outdated.setWrapText(true);
        outdated.managedProperty().bind(outdated.visibleProperty());
        outdated.visibleProperty().bind(panel.outdated().isNotEmpty().and(panel.live().isNull()));
        live.setId("live-badge-" + panel.id());
        live.getStyleClass().add("live-badge");
        live.setWrapText(true);
        live.visibleProperty().bind(panel.live().isNotNull());
        live.managedProperty().bind(live.visibleProperty());
        outdated.textProperty().bind(panel.outdated().map(what -> "Outdated: the " + what
                + " changed since this result. Press Analyze (F5) to update it."));
        failures.managedProperty().bind(failures.visibleProperty());
        tiles.visibleProperty().bind(hint.visibleProperty().not());
        tiles.managedProperty().bind(tiles.visibleProperty());
        tiles.opacityProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> panel.outdated().get().isEmpty() || panel.live().get() != null ? 1.0 : 0.4,
                panel.outdated(), panel.live()));
        getChildren().addAll(heading, hint, live, outdated, failures, tiles);
        for (var chrome : List.of(heading, hint, live, outdated, failures)) {
            chrome.heightProperty().addListener(o -> fitTiles());
            chrome.managedProperty().addListener(o -> fitTiles());
        }
        panel.result().addListener(o -> redraw());
        panel.live().addListener(o -> redraw());
        shared.scales().addListener(o -> redraw());
        app.colourMap().addListener(o -> redraw());
        app.opacity().addListener(o -> redraw());
        redraw();
    }

    /** The height the strip may take without the page scrolling; the maps get what its lines leave. */
    void heightBudget(double height) {
        budget = height;
        fitTiles();
    }

    private void fitTiles() {
        double used = 0;
        for (var child : getChildren()) {
            if (child != tiles && child.isManaged()) {
                used += child.getLayoutBounds().getHeight() + getSpacing();
            }
        }
        tiles.heightBudget().set(budget - used);
    }

    /** Redraws once per frame at most, however fast the slider moves. */
    private void redraw() {
        if (pending) {
            return;
        }
        pending = true;
        Platform.runLater(() -> {
            pending = false;
            draw();
        });
    }

    /** Live mode's frame while the pen moves (on its own colour range), else the panel's result. */
    private void draw() {
        JobResult liveFrame = panel.live().get();
        JobResult result = liveFrame != null ? liveFrame : panel.result().get();
        MapScales scales = liveFrame != null ? MapScales.of(List.of(liveFrame.analysis()), app.colourRange().get())
                : shared.scales().get();
        boolean none = result == null || scales.of(result.analysis(), first(result.analysis())) == null;
        hint.setVisible(result == null);
        hint.setManaged(result == null);
        failures.getChildren().clear();
        failures.setVisible(false);
        if (none) {
            tiles.show(null, null, List.of(), null);
            if (result != null) {
                showFailures(result.analysis());
            }
            return;
        }
        AnalysisResult analysis = result.analysis();
        PreparedImage img = analysis.request().image();
        boolean rebuilt = analysis.discarding().layers().stream().anyMatch(l -> l.ok() && l.reconstruction() != null);
        heading.setText(rebuilt ? DISCARDS + ", and what a decoder rebuilds from it" : DISCARDS);
        List<List<MapTile>> columns = new ArrayList<>();
        for (LayerResult l : analysis.discarding().layers()) {
            if (!l.ok()) {
                continue;
            }
            ColourScale scale = scales.of(analysis, l);
            MapTile map = new MapTile("heatmap-" + panel.id() + "-" + l.name(), l.name(), Captions.values(analysis, l),
                    LayerWarnings.of(l), px -> HeatmapRenderer.mapImage(img.grayscale(), l.entropyMap(), scale,
                    app.colourMap().get(), app.opacity().get(), px), scales.perLayer()
                    ? (px, style) -> ColourBar.horizontal(scale, app.colourMap().get(), px, style) : null);
            if (liveFrame == null) {
                map.clickable("Click for the large view with values per cell", () -> open(result, l, scale));
            }
            List<MapTile> column = new ArrayList<>(List.of(map));
            if (l.reconstruction() != null) {
                MapTile r = new MapTile("reconstruction-" + panel.id() + "-" + l.name(), "rebuilt from " + l.name(),
                        Captions.reconstruction(analysis, l), null, px -> Reconstructions.image(img, l, px), null);
                r.clickable("What a decoder, trained on the layer's features, rebuilds of the input from " + l.name()
                        + "; MSE: its mean squared error per pixel. Click for the large view.",
                        () -> open(result, l, scale));
                column.add(r);
            }
            columns.add(column);
        }
        ColourScale bar = scales.perLayer() ? null : scales.shared(analysis);
        if (rebuilt) {
            Label about = Fx.hint("Above: how uncertain the input is, region by region, given the layer's features."
                    + " Below: the input and what a decoder rebuilds from each layer.");
            MapTile input = new MapTile("input-tile-" + panel.id(), "input", "what the model sees", null,
                    px -> Reconstructions.plain(img, px), null);
            tiles.show(about, input, columns, bar == null ? null
                    : new ColourBarView("colour-bar-" + panel.id(), bar, app.colourMap().get()));
        } else {
            tiles.show(null, null, columns, bar == null ? null
                    : new ColourBarView("colour-bar-" + panel.id(), bar, app.colourMap().get()));
        }
        showFailures(analysis);
    }

    private static LayerResult first(AnalysisResult analysis) {
        return analysis.discarding().layers().stream().filter(LayerResult::ok).findFirst().orElse(null);
    }

    /** Failed layers in words above the maps, each with its reason. */
    private void showFailures(AnalysisResult analysis) {
        for (LayerResult l : analysis.discarding().layers()) {
            if (!l.ok()) {
                Label failed = new Label(l.name() + " failed: " + l.failure());
                failed.setWrapText(true);
                failed.getStyleClass().add("failed-layer");
                failures.getChildren().add(failed);
            }
        }
        failures.setVisible(!failures.getChildren().isEmpty());
    }

    private void open(JobResult result, LayerResult l, ColourScale scale) {
        LayerDetailWindow.show(getScene().getWindow(), app, result, l, scale);
    }
}
