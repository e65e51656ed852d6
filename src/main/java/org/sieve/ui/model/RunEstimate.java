package org.sieve.ui.model;

import java.util.Locale;

/**
 * What an analysis of the chosen layers is expected to take, before it starts: the usual number
 * of steps (layers stop once converged, mostly well before the step budget) times the step's
 * cost on this computer.
 *
 * @param seconds  expected wall time
 * @param steps    the usual number of optimisation steps
 * @param measured whether the step cost was measured on a run of this model on this computer,
 *                 rather than derived from this computer's matrix product before its first run
 */
public record RunEstimate(double seconds, int steps, boolean measured) {

    /** Analyses expected to take longer ask before they start. */
    public static final double ASK_ABOVE_SECONDS = 120;

    public boolean asksFirst() {
        return seconds > ASK_ABOVE_SECONDS;
    }

    /** Panels analysed one after the other: their times add up; a null (nothing to analyse) adds nothing. */
    public static RunEstimate sum(RunEstimate a, RunEstimate b) {
        return a == null ? b : b == null ? a : new RunEstimate(a.seconds + b.seconds, Math.max(a.steps, b.steps),
                a.measured && b.measured);
    }

    /** "about 40 s", "about 3 min", "about 2 h 10 min". */
    public String text() {
        long s = Math.round(seconds);
        if (s < 1) {
            return "under a second";
        }
        if (s < 90) {
            return "about " + s + " s";
        }
        long min = Math.round(seconds / 60);
        return min < 60 ? "about " + min + " min"
                : String.format(Locale.ROOT, "about %d h %d min", min / 60, min % 60);
    }

    /** Where the step cost came from, in the user's words. */
    public String basis() {
        return measured ? "measured on this computer in the last run of this model"
                : "a rough guess from this computer's speed until this model has run once";
    }
}
