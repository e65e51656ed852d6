package org.sieve.ui.view;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import org.controlsfx.control.StatusBar;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunState;

/** The bottom line: what the analyses are doing, overall progress and the time left. */
public final class StatusLine extends StatusBar {

    public StatusLine(AppModel app) {
        setId("status-line");
        PanelState a = app.panelA();
        PanelState b = app.panelB();
        textProperty().bind(Bindings.createStringBinding(() -> text(app), a.run().phase(), a.run().status(),
                a.run().etaSeconds(), b.run().phase(), b.run().status(), app.compare(), a.loading(), b.loading()));
        progressProperty().bind(Bindings.createDoubleBinding(() -> {
            PanelState p = running(app);
            return p == null ? 0 : p.run().progress().get();
        }, a.run().progress(), b.run().progress(), a.run().status(), b.run().status()));
    }

    private static PanelState running(AppModel app) {
        return app.panels().stream().filter(p -> p.run().status().get() == RunState.Status.RUNNING).findFirst()
                .orElse(null);
    }

    private static String text(AppModel app) {
        if (app.panels().stream().anyMatch(p -> p.loading().get())) {
            return "Loading ...";
        }
        PanelState p = running(app);
        if (p == null) {
            return app.panels().stream().map(q -> q.run().phase().get()).filter(s -> !s.isBlank())
                    .reduce((x, y) -> x + " · " + y).orElse("Ready. Choose layers and press Analyze (F5).");
        }
        double eta = p.run().etaSeconds().get();
        return (app.compare().get() ? "Panel " + p.id() + ": " : "") + p.run().phase().get()
                + (Double.isFinite(eta) && eta > 0 ? String.format(Locale.ROOT, " · about %.0f s left", eta) : "");
    }
}
