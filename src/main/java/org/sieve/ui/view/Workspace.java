package org.sieve.ui.view;

import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sieve.ui.Actions;
import org.sieve.ui.model.AppModel;

/** The centre of the window: the view bar, one or two panels side by side, and the entropy curves below. */
public final class Workspace extends VBox {

    private final SplitPane panels = new SplitPane();
    /** Panel B, made when compare mode is first switched on. */
    private PanelView b;

    public Workspace(Actions actions) {
        AppModel app = actions.app();
        SharedScale shared = new SharedScale(app);
        PanelView a = new PanelView(app, app.panelA(), shared);
        panels.setId("panels");
        panels.getItems().add(a);
        app.compare().addListener((o, was, on) -> {
            if (on) {
                if (b == null) {
                    b = new PanelView(app, app.panelB(), shared);
                }
                panels.getItems().setAll(a, b);
                panels.setDividerPositions(0.5);
            } else {
                panels.getItems().setAll(a);
            }
        });
        VBox.setVgrow(panels, Priority.ALWAYS);
        getChildren().addAll(new ViewBar(actions), panels);
        // The curves (a chart) are made with the first result, not at start-up.
        javafx.beans.InvalidationListener firstResult = new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (app.panelA().result().get() == null && app.panelB().result().get() == null) {
                    return;
                }
                app.panelA().result().removeListener(this);
                app.panelB().result().removeListener(this);
                EntropyCurveView curves = new EntropyCurveView(app);
                curves.setPrefHeight(270);
                curves.setMinHeight(200);
                curves.managedProperty().bind(curves.visibleProperty());
                getChildren().add(curves);
            }
        };
        app.panelA().result().addListener(firstResult);
        app.panelB().result().addListener(firstResult);
        setSpacing(4);
        getStyleClass().add("workspace");
    }
}
