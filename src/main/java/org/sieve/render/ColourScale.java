package org.sieve.render;

import java.util.Locale;

/** The value range a colour map spans, with the quantity's name for the colour bar. */
public record ColourScale(double min, double max, String label) {

    /** Span given to a constant map so that it still has a usable range. */
    static final double MIN_SPAN = 1e-6;

    public ColourScale {
        if (!(Double.isFinite(min) && Double.isFinite(max) && max > min)) {
            throw new IllegalArgumentException("colour scale needs finite min < max, got " + min + ", " + max);
        }
    }

    /**
     * One scale for several maps, so panels drawn with it can be compared by colour. Non-finite
     * values are skipped; a constant (or empty) set is widened to {@link #MIN_SPAN} around its value.
     */
    public static ColourScale shared(String label, float[][]... maps) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[][] map : maps) {
            for (float[] row : map) {
                for (float v : row) {
                    if (Float.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 0;
        }
        if (!(hi - lo >= MIN_SPAN)) {
            double mid = (lo + hi) / 2;
            // nextUp/nextDown keep the range non-empty where 1e-6 is below the values' precision.
            lo = Math.min(mid - MIN_SPAN / 2, Math.nextDown(mid));
            hi = Math.max(mid + MIN_SPAN / 2, Math.nextUp(mid));
        }
        return new ColourScale(lo, hi, label);
    }

    /** Position of v in [0,1], clamped; NaN stays NaN. */
    public double normalise(double v) {
        return Math.min(1, Math.max(0, (v - min) / (max - min)));
    }

    /** A tick label with enough decimals to tell min, middle and max apart. */
    public String format(double v) {
        int decimals = (int) Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(max - min))));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
