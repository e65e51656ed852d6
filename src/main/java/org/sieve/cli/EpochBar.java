package org.sieve.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A training run's progress on standard error: one updating bar per epoch on a terminal; off a
 * terminal (a log file), a plain line every few batches, or none, and a summary line per epoch.
 */
final class EpochBar {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String lossName;
    private final int plainEvery;
    private final boolean terminal;
    private long lastDraw;

    /**
     * @param lossName   how the per-batch loss is labelled
     * @param plainEvery off a terminal, a line every this many batches; 0 for none
     */
    EpochBar(PrintStream err, String lossName, int plainEvery) {
        this.err = err;
        this.lossName = lossName;
        this.plainEvery = plainEvery;
        this.terminal = err == System.err && System.console() != null;
    }

    void batch(int epoch, int batch, int batches, double loss, double imagesPerSecond) {
        long now = System.currentTimeMillis();
        if (terminal && now - lastDraw >= 200) {
            lastDraw = now;
            int filled = WIDTH * batch / Math.max(1, batches);
            err.printf(Locale.ROOT, "\r\033[2Kepoch %d [%s%s] %s %.4f  %,.0f images/s", epoch, "#".repeat(filled),
                    " ".repeat(WIDTH - filled), lossName, loss, imagesPerSecond);
            err.flush();
        } else if (!terminal && plainEvery > 0 && batch % plainEvery == 0) {
            err.printf(Locale.ROOT, "epoch %d batch %d/%d: %s %.4f, %,.0f images/s%n", epoch, batch, batches,
                    lossName, loss, imagesPerSecond);
        }
    }

    /** Replaces the epoch's bar with its summary. */
    void epoch(String summary) {
        err.println((terminal ? "\r\033[2K" : "") + summary);
    }
}
