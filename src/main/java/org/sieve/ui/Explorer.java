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
        if (noDisplay()) {
            System.err.println("sieve: the explorer needs a desktop, and no display was found (DISPLAY and"
                    + " WAYLAND_DISPLAY are unset). Without a display, use the command line: ./sieve help");
            System.exit(2);
        }
        // JavaFX warns on every start that it runs from the class path, not as modules; Sieve does
        // that on purpose (one launcher for the command line and the explorer). Other warnings pass.
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(ExplorerApp.class, args);
    }

    /** On Linux, JavaFX needs an X11 or Wayland display unless a headless platform was chosen. */
    private static boolean noDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean headlessPlatform = System.getProperty("glass.platform") != null;
        return linux && !headlessPlatform && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
