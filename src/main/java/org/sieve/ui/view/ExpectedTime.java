package org.sieve.ui.view;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunEstimate;

/** Beside Analyze: what analysing the chosen layers of every panel is expected to take, before it starts. */
final class ExpectedTime extends Label {

    ExpectedTime(AppModel app) {
        setId("expected-time");
        getStyleClass().add("hint");
        PanelState a = app.panelA();
        PanelState b = app.panelB();
        textProperty().bind(Bindings.createStringBinding(() -> {
            RunEstimate e = total(app);
            return e == null ? "" : "Expected: " + e.text();
        }, a.estimate(), b.estimate(), app.compare()));
        tooltipProperty().bind(Bindings.createObjectBinding(() -> {
            RunEstimate e = total(app);
            return e == null ? null : Fx.tip("About " + e.steps() + " optimisation steps; their cost " + e.basis()
                    + ". Analyses expected to take over two minutes ask first.");
        }, a.estimate(), b.estimate(), app.compare()));
    }

    private static RunEstimate total(AppModel app) {
        RunEstimate total = null;
        for (PanelState p : app.panels()) {
            total = RunEstimate.sum(total, p.estimate().get());
        }
        return total;
    }
}
