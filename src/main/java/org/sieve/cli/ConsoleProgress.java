package org.sieve.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.StepEvent;

/**
 * Progress of an analysis on standard error: one live bar per layer on a terminal, plain lines
 * at every quarter and at least every half minute otherwise (logs and pipes stay readable). Each
 * line says how long the remaining steps take at most, from the time per step so far: an upper
 * bound, as layers that converge stop early.
 */
final class ConsoleProgress implements AnalysisListener {

    private static final long REDRAW_MILLIS = 100;
    private static final int BAR = 28;
    /** A slow analysis (a photo model on a CPU) still prints a line this often without a terminal. */
    private static final long QUIET_MILLIS = 30_000;

    private final PrintStream err;
    private final boolean terminal;
    private final Map<String, StepEvent> latest = new LinkedHashMap<>();
    private int maxSteps;
    private int drawnLines;
    private long lastDraw;
    private int lastQuarter = -1;
    private long firstStep;
    private long lastLine;

    private final LongSupplier clock;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this(err, terminal, System::currentTimeMillis);
    }

    /** @param clock milliseconds, as {@link System#currentTimeMillis} (a test's own clock) */
    ConsoleProgress(PrintStream err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** Live bars only when {@code err} is the terminal's standard error. */
    static ConsoleProgress on(PrintStream err) {
        return new ConsoleProgress(err, err == System.err && System.console() != null);
    }

    @Override
    public void started(List<String> layers, int maxSteps) {
        this.maxSteps = maxSteps;
        layers.forEach(l -> latest.put(l, null));
    }

    @Override
    public void phase(String description) {
        if (!terminal) {
            err.println(description + " ...");
        }
    }

    @Override
    public void step(StepEvent e) {
        latest.put(e.layer(), e);
        long now = clock.getAsLong();
        if (firstStep == 0) {
            firstStep = now;
            lastLine = now;
        }
        if (terminal) {
            if (now - lastDraw >= REDRAW_MILLIS) {
                lastDraw = now;
                redraw();
            }
        } else if (e.layerIndex() == 0) {
            int quarter = 4 * e.step() / Math.max(1, e.maxSteps());
            if (quarter > lastQuarter || now - lastLine >= QUIET_MILLIS) {
                lastQuarter = quarter;
                lastLine = now;
                latest.values().stream().filter(v -> v != null).forEach(v -> err.println(line(v)));
            }
        }
    }

    /** Clears the live bars once the optimisation is over. */
    void finish() {
        if (terminal && drawnLines > 0) {
            redraw();
            drawnLines = 0;
        }
    }

    private void redraw() {
        StringBuilder out = new StringBuilder();
        if (drawnLines > 0) {
            out.append("\033[").append(drawnLines).append('A');
        }
        for (Map.Entry<String, StepEvent> entry : latest.entrySet()) {
            StepEvent e = entry.getValue();
            out.append("\r\033[2K").append(e == null ? String.format("%-16s waiting", entry.getKey()) : line(e))
                    .append('\n');
        }
        drawnLines = latest.size();
        err.print(out);
        err.flush();
    }

    private String line(StepEvent e) {
        int filled = (int) Math.round(BAR * e.step() / (double) Math.max(1, maxSteps));
        return String.format(Locale.ROOT, "%-16s [%s%s] %4d/%d  D/D0 %5.2f  h %7.3f nats/dim%s", e.layer(),
                "#".repeat(filled), " ".repeat(BAR - filled), e.step(), maxSteps, e.distortionRatio(),
                e.entropyPerDim(), left(e));
    }

    /** "  <= 3 min left": the remaining steps at the mean time per step so far; empty before the second step. */
    private String left(StepEvent e) {
        if (e.step() < 2) {
            return "";
        }
        double perStep = (clock.getAsLong() - firstStep) / 1000.0 / (e.step() - 1);
        long seconds = Math.round(perStep * (maxSteps - e.step()));
        return seconds < 120 ? "  <= " + seconds + " s left" : "  <= " + Math.round(seconds / 60.0) + " min left";
    }
}
