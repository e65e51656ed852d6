package org.sieve.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value axis spanning the data with a 5% margin, so no point sits on the frame, and ticks at
 * round values (1, 2 or 5 times a power of ten) inside it.
 */
record Axis(double min, double max, double step) {

    private static final int TARGET_TICKS = 5;
    private static final double MARGIN = 0.05;

    /** Covers [lo, hi]; [0, 1] when lo > hi (no data), and some room around a single value. */
    static Axis spanning(double lo, double hi) {
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double half = Math.max(0.5, Math.abs(hi) * 0.1);
            lo -= half;
            hi += half;
        }
        double margin = (hi - lo) * MARGIN;
        return new Axis(lo - margin, hi + margin, niceStep((hi - lo) / TARGET_TICKS));
    }

    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    List<Double> ticks() {
        return ticksBetween(min, max, step);
    }

    /** The multiples of step in [min, max], allowing for ends that are multiples up to rounding. */
    static List<Double> ticksBetween(double min, double max, double step) {
        double eps = step * 1e-9;
        // Dividing by a whole number gives the nearest double (0.6, not 3 * 0.2 = 0.6000000000000001).
        long perUnit = step < 1 ? Math.round(1 / step) : 0;
        List<Double> ticks = new ArrayList<>();
        for (long i = (long) Math.ceil((min - eps) / step); i * step <= max + eps; i++) {
            ticks.add(perUnit > 0 ? i / (double) perUnit : i * step);
        }
        return ticks;
    }

    /** Where v lies between min (0) and max (1). */
    double position(double v) {
        return (v - min) / (max - min);
    }

    String format(double v) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step)));
        // Avoid printing "-0.0" for a tick that is zero up to rounding.
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step * 1e-9 ? 0.0 : v);
    }
}
