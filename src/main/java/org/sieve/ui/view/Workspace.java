package org.sieve.ui.view;

import javafx.beans.InvalidationListener;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sieve.ui.Actions;
import org.sieve.ui.model.AppModel;

/**
 * The centre of the window: the view bar, then one page that holds one or two panels side by side
 * with the entropy curves below them. The curves take a share of the page's height and the panels'
 * maps what is left, so that up to a screenful of layers shows without scrolling; when more must
 * scroll, the page scrolls as a whole, both panels together.
 */
public final class Workspace extends VBox {

    /** The curves' share of the page's height, within the bounds below. */
    private static final double CURVES_SHARE = 0.3;
    private static final double CURVES_MIN = 230;
    private static final double CURVES_MAX = 420;
    private static final double SPACING = 6;

    private final AppModel app;
    private final HBox panels = new HBox(0);
    private final VBox page = new VBox(SPACING, panels);
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
                page.getChildren().add(curves);
                fit();
            }
        };
        app.panelA().result().addListener(firstResult);
        app.panelB().result().addListener(firstResult);
        scroll.viewportBoundsProperty().addListener(o -> fit());
        panels.heightProperty().addListener(o -> growCurves());
        setSpacing(4);
        getStyleClass().add("workspace");
    }

    /** Shares the visible height between the curves and the panels. */
    private void fit() {
        double height = scroll.getViewportBounds().getHeight();
        if (height <= 0) {
            return;
        }
        double left = curvesShown() ? height - curvesShare(height) - SPACING : height;
        a.pageHeight(left);
        if (b != null) {
            b.pageHeight(left);
        }
        growCurves();
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
        if (!curvesShown()) {
            return;
        }
        double height = scroll.getViewportBounds().getHeight();
        double h = Math.max(CURVES_MIN, height - panels.getHeight() - SPACING);
        curves.setMinHeight(h);
        curves.setPrefHeight(h);
        curves.setMaxHeight(h);
    }
}
