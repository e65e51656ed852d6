package org.sieve.render;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The value range a colour map spans, with the quantity's name for the colour bar, and whether
 * the maps drawn with it hold values below or above the range (drawn hatched, not stretched over).
 */
public record ColourScale(double min, double max, String label, boolean clipsLow, boolean clipsHigh) {

    /** Span given to a constant map so that it still has a usable range. */
    static final double MIN_SPAN = 1e-6;
    /** Tick marks a colour bar aims for. */
    private static final int TICKS = 8;

    public ColourScale {
        if (!(Double.isFinite(min) && Double.isFinite(max) && max > min)) {
            throw new IllegalArgumentException("colour scale needs finite min < max, got " + min + ", " + max);
        }
    }

    /** A range that every value lies in. */
    public ColourScale(double min, double max, String label) {
        this(min, max, label, false, false);
    }

    /**
     * One scale for several maps spanning all their values, so panels drawn with it can be compared
     * by colour. Non-finite values are skipped; a constant (or empty) set is widened to
     * {@link #MIN_SPAN} around its value.
     */
    public static ColourScale shared(String label, float[][]... maps) {
        float[] v = sortedValues(maps);
        return v.length == 0 ? widened(label, 0) : fixed(label, v[0], v[v.length - 1], v);
    }

    /**
     * One scale for several maps from the {@code low} to the {@code high} percentile of their
     * values (e.g. 2 and 98), so a few extreme cells do not wash out the rest; the cells beyond
     * are marked as clipped. Falls back to the full range where the percentiles coincide.
     */
    public static ColourScale robust(String label, double low, double high, float[][]... maps) {
        if (!(low >= 0 && low < high && high <= 100)) {
            throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 100, got " + low + ", "
                    + high);
        }
        float[] v = sortedValues(maps);
        if (v.length == 0) {
            return widened(label, 0);
        }
        double lo = percentile(v, low);
        double hi = percentile(v, high);
        return hi - lo >= MIN_SPAN ? fixed(label, lo, hi, v) : fixed(label, v[0], v[v.length - 1], v);
    }

    /** A range the user typed; the maps' values outside it are marked as clipped. */
    public static ColourScale typed(String label, double min, double max, float[][]... maps) {
        return fixed(label, min, max, sortedValues(maps));
    }

    private static ColourScale fixed(String label, double lo, double hi, float[] sorted) {
        if (!(hi - lo >= MIN_SPAN)) {
            return widened(label, (lo + hi) / 2);
        }
        boolean below = sorted.length > 0 && sorted[0] < lo;
        boolean above = sorted.length > 0 && sorted[sorted.length - 1] > hi;
        return new ColourScale(lo, hi, label, below, above);
    }

    private static ColourScale widened(String label, double mid) {
        // nextUp/nextDown keep the range non-empty where 1e-6 is below the values' precision.
        return new ColourScale(Math.min(mid - MIN_SPAN / 2, Math.nextDown(mid)),
                Math.max(mid + MIN_SPAN / 2, Math.nextUp(mid)), label);
    }

    private static float[] sortedValues(float[][]... maps) {
        int n = 0;
        for (float[][] map : maps) {
            for (float[] row : map) {
                n += row.length;
            }
        }
        float[] v = new float[n];
        int k = 0;
        for (float[][] map : maps) {
            for (float[] row : map) {
                for (float x : row) {
                    if (Float.isFinite(x)) {
                        v[k++] = x;
                    }
                }
            }
        }
        float[] finite = Arrays.copyOf(v, k);
        Arrays.sort(finite);
        return finite;
    }

    /** Linear interpolation between the order statistics, as numpy's default percentile. */
    private static double percentile(float[] sorted, double p) {
        double pos = p / 100 * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    /** Position of v in [0,1], clamped; NaN stays NaN. */
    public double normalise(double v) {
        return Math.min(1, Math.max(0, (v - min) / (max - min)));
    }

    /** Whether v lies outside the range and is drawn as clipped. */
    public boolean clipped(double v) {
        return v < min || v > max;
    }

    /** Round values (1, 2 or 5 times a power of ten apart) inside the range, lowest first. */
    public List<Double> ticks() {
        return Axis.ticksBetween(min, max, tickStep());
    }

    private double tickStep() {
        return Axis.niceStep((max - min) / TICKS);
    }

    /** A tick's label with as many decimals as the ticks' spacing needs: -2.5, not -2.500. */
    public String formatTick(double v) {
        return new Axis(min, max, tickStep()).format(v);
    }

    /** A tick label with enough decimals to tell min, middle and max apart. */
    public String format(double v) {
        int decimals = (int) Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(max - min))));
        // Avoid printing "-0.00" for a value that is zero up to rounding.
        double shown = Math.abs(v) < Math.pow(10, -decimals) / 2 ? 0.0 : v;
        return String.format(Locale.ROOT, "%." + decimals + "f", shown);
    }
}
