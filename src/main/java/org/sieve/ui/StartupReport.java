package org.sieve.ui;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.Prediction;

/**
 * With -Dsieve.startupReport=true, prints when the window showed and when the first model, image
 * and predictions were on screen, as seconds since the JVM started and as wall-clock epoch
 * milliseconds (to subtract a launch time taken outside), with the CPU time the process used so far
 * (what the start costs regardless of other load on the machine); with -Dsieve.exitWhenReady=true
 * it then quits. For measuring start-up, e.g. {@code JAVA_OPTS="-Dsieve.startupReport=true" ./sieve}.
 */
final class StartupReport {

    private StartupReport() {
    }

    static void watch(PanelState panel) {
        if (!Boolean.getBoolean("sieve.startupReport")) {
            return;
        }
        report("window shown");
        panel.predictions().addListener(new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends Prediction> c) {
                if (!panel.predictions().isEmpty()) {
                    panel.predictions().removeListener(this);
                    report("model, image and predictions shown");
                    if (Boolean.getBoolean("sieve.exitWhenReady")) {
                        Platform.exit();
                    }
                }
            }
        });
    }

    /** A step of the start, when reporting. */
    static void step(String what) {
        if (Boolean.getBoolean("sieve.startupReport")) {
            report(what);
        }
    }

    private static void report(String what) {
        long now = System.currentTimeMillis();
        double sinceJvm = (now - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
        double cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
        System.err.printf(Locale.ROOT, "sieve startup: %s %.2f s after the JVM started, %.2f s of CPU"
                + " (epoch ms %d)%n", what, sinceJvm, cpu, now);
    }
}
