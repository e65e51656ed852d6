package org.sieve.ui;

import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the explorer. A plain class, not the Application itself, so that JavaFX starts from the
 * class path without a module path.
 */
public final class Explorer {

    /** Held so that its filter stays (loggers are only weakly referenced). */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Explorer() {
    }

    public static void main(String[] args) {
        StartupReport.step("main entered");
        // JavaFX warns on every start that it runs from the class path, not as modules; Sieve does
        // that on purpose (one launcher for the command line and the explorer). Other warnings pass.
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(ExplorerApp.class, args);
    }
}
