package org.sieve.ui.view;

import javafx.beans.InvalidationListener;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sieve.ui.Actions;
import org.sieve.ui.model.AppModel;

/**
 * The centre of the window: the view bar, then one page that holds one or two panels side by side
 * with the entropy curves below them. The curves take a share of the page's height and the panels'
 * maps what is left, so that up to a screenful of layers shows without scrolling; when more must
 * scroll, the page scrolls as a whole, both panels together. In presentation mode, on a wide
 * screen, the curves stand beside the panels instead, so that the maps get the whole height.
 */
public final class Workspace extends VBox {

    /** The curves' share of the page's height, within the bounds below. */
    private static final double CURVES_SHARE = 0.3;
    private static final double CURVES_MIN = 230;
    private static final double CURVES_MAX = 420;
    private static final double SPACING = 6;
    /** Beside the panels (presentation mode): the curves' share of the page's width, within these bounds. */
    private static final double BESIDE_SHARE = 0.28;
    private static final double BESIDE_MIN = 300;
    private static final double BESIDE_MAX = 540;

    private final AppModel app;
    private final HBox panels = new HBox(0);
    /** The panels, and the curves where they stand beside them. */
    private final HBox body = new HBox(SPACING, panels);
    private final VBox page = new VBox(SPACING, body);
    private final ScrollPane scroll = new ScrollPane(page);
    private final PanelView a;
    /** Panel B, made when compare mode is first switched on. */
    private PanelView b;
    /** The curves (a chart), made with the first result, not at start-up. */
    private EntropyCurveView curves;

    public Workspace(Actions actions) {
        app = actions.app();
        SharedScale shared = new SharedScale(app);
        TileSizes sizes = new TileSizes();
        a = new PanelView(app, app.panelA(), shared, sizes);
        panels.setId("panels");
        HBox.setHgrow(a, Priority.ALWAYS);
        HBox.setHgrow(panels, Priority.ALWAYS);
        panels.getChildren().add(a);
        app.compare().addListener((o, was, on) -> {
            if (on) {
                if (b == null) {
                    b = new PanelView(app, app.panelB(), shared, sizes);
                    HBox.setHgrow(b, Priority.ALWAYS);
                }
                panels.getChildren().setAll(a, b);
            } else {
                panels.getChildren().setAll(a);
            }
            // Equal halves whatever each panel's content would like.
            panels.getChildren().forEach(p -> ((PanelView) p).setPrefWidth(1));
            sizes.refresh(null);
            fit();
        });
        a.setPrefWidth(1);
        scroll.setId("page");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("page");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        ViewBar bar = new ViewBar(actions);
        bar.visibleProperty().bind(app.controlsShown());
        bar.managedProperty().bind(app.controlsShown());
        getChildren().addAll(bar, scroll);
        InvalidationListener firstResult = new InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (app.panelA().result().get() == null && app.panelB().result().get() == null) {
                    return;
                }
                app.panelA().result().removeListener(this);
                app.panelB().result().removeListener(this);
                curves = new EntropyCurveView(app);
                curves.managedProperty().bind(curves.visibleProperty());
                curves.visibleProperty().addListener(v -> fit());
                place();
            }
        };
        app.presentation().addListener(o -> place());
        app.panelA().result().addListener(firstResult);
        app.panelB().result().addListener(firstResult);
        scroll.viewportBoundsProperty().addListener(o -> fit());
        panels.heightProperty().addListener(o -> growCurves());
        setSpacing(4);
        getStyleClass().add("workspace");
    }

    /** The curves below the panels, or beside them in presentation mode. */
    private void place() {
        if (curves == null) {
            return;
        }
        if (beside()) {
            page.getChildren().setAll(body);
            body.getChildren().setAll(panels, curves);
        } else {
            body.getChildren().setAll(panels);
            page.getChildren().setAll(body, curves);
        }
        fit();
    }

    private boolean beside() {
        return app.presentation().get();
    }

    /** Shares the visible page between the curves and the panels. */
    private void fit() {
        double height = scroll.getViewportBounds().getHeight();
        if (height <= 0) {
            return;
        }
        if (curves != null) {
            // Beside, the panels keep the whole height and the curves take a share of the width, as tall as
            // the page; below, the curves take the width and growCurves sets their height.
            double width = beside() ? besideWidth(scroll.getViewportBounds().getWidth()) : Region.USE_COMPUTED_SIZE;
            curves.setMinWidth(width);
            curves.setPrefWidth(width);
            curves.setMaxWidth(width);
            if (beside()) {
                curves.setMinHeight(height);
                curves.setPrefHeight(height);
                curves.setMaxHeight(height);
            }
        }
        double left = curvesShown() && !beside() ? height - curvesShare(height) - SPACING : height;
        a.pageHeight(left);
        if (b != null) {
            b.pageHeight(left);
        }
        growCurves();
    }

    /** The curves' width beside the panels on a page this wide: what notifications keep within, off the maps. */
    static double besideWidth(double pageWidth) {
        return Math.max(BESIDE_MIN, Math.min(BESIDE_MAX, BESIDE_SHARE * pageWidth));
    }

    private boolean curvesShown() {
        return curves != null && curves.isVisible();
    }

    private static double curvesShare(double height) {
        return Math.max(CURVES_MIN, Math.min(CURVES_MAX, CURVES_SHARE * height));
    }

    /**
     * The curves take what the panels leave: more than their share where the maps are limited by
     * the width, a few pixels less where the panels' rounding overshoots their room (never less
     * than the curves' minimum: then the page scrolls). The panels' room is set from the share
     * alone, so this never feeds back.
     */
    private void growCurves() {
        if (!curvesShown() || beside()) {
            return;
        }
        double height = scroll.getViewportBounds().getHeight();
        double h = Math.max(CURVES_MIN, height - panels.getHeight() - SPACING);
        curves.setMinHeight(h);
        curves.setPrefHeight(h);
        curves.setMaxHeight(h);
    }
}
