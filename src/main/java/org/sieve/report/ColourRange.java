package org.sieve.report;

import java.util.List;
import java.util.Locale;
import org.sieve.render.ColourScale;

/**
 * How the maps' colour range is chosen: one range over every map shown or one per layer; from the
 * 2nd to the 98th percentile of the values (robust: a few extreme cells are drawn hatched instead
 * of washing out the rest), over all values (full), or typed by the user.
 *
 * @param min,max the typed range; NaN unless {@code extent} is {@link Extent#TYPED}
 */
public record ColourRange(Scope scope, Extent extent, double min, double max) {

    /** Over every map on screen or sheet, so colours compare; or per layer, so each map shows its detail. */
    public enum Scope { SHARED, PER_LAYER }

    public enum Extent { ROBUST, FULL, TYPED }

    public static final double LOW_PERCENTILE = 2;
    public static final double HIGH_PERCENTILE = 98;
    /** Robust and shared: contrast within maps, colours that compare across them. */
    public static final ColourRange DEFAULT = new ColourRange(Scope.SHARED, Extent.ROBUST, Double.NaN, Double.NaN);
    /** The choices without a typed range, in the order a menu lists them. */
    public static final List<ColourRange> PRESETS = List.of(DEFAULT,
            new ColourRange(Scope.SHARED, Extent.FULL, Double.NaN, Double.NaN),
            new ColourRange(Scope.PER_LAYER, Extent.ROBUST, Double.NaN, Double.NaN),
            new ColourRange(Scope.PER_LAYER, Extent.FULL, Double.NaN, Double.NaN));
    /** What {@link #parse} accepts, for messages and help. */
    public static final String SYNTAX = "robust, full, robust-per-layer, full-per-layer or MIN,MAX (e.g. -4,-1)";

    public ColourRange {
        if (extent == Extent.TYPED) {
            if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
                throw new IllegalArgumentException("A typed colour range needs two numbers, the lower first;"
                        + " got " + min + " and " + max + ".");
            }
            // One typed range is the same for every layer.
            scope = Scope.SHARED;
        } else {
            min = Double.NaN;
            max = Double.NaN;
        }
    }

    public static ColourRange typed(double min, double max) {
        return new ColourRange(Scope.SHARED, Extent.TYPED, min, max);
    }

    /** The scale for these maps under this choice. */
    public ColourScale scale(String label, float[][]... maps) {
        return switch (extent) {
            case ROBUST -> ColourScale.robust(label, LOW_PERCENTILE, HIGH_PERCENTILE, maps);
            case FULL -> ColourScale.shared(label, maps);
            case TYPED -> ColourScale.typed(label, min, max, maps);
        };
    }

    /** {@link #SYNTAX}; the inverse of {@link #id}. */
    public static ColourRange parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ColourRange preset : PRESETS) {
            if (preset.id().equals(t)) {
                return preset;
            }
        }
        String[] parts = t.split("\\s*[,;:]\\s*|\\s*\\.\\.\\s*");
        if (parts.length == 2) {
            try {
                double lo = Double.parseDouble(parts[0]);
                double hi = Double.parseDouble(parts[1]);
                if (Double.isFinite(lo) && Double.isFinite(hi) && lo < hi) {
                    return typed(lo, hi);
                }
                throw new IllegalArgumentException("The colour range " + text + " needs its lower end first and"
                        + " two different numbers, e.g. -4,-1.");
            } catch (NumberFormatException e) {
                // Falls through to the message below.
            }
        }
        throw new IllegalArgumentException("Unknown colour range '" + text + "': use " + SYNTAX + ".");
    }

    /** As {@link #parse} reads it back, e.g. "robust" or "-4,-1". */
    public String id() {
        if (extent == Extent.TYPED) {
            return Captions.number(min) + "," + Captions.number(max);
        }
        String e = extent.name().toLowerCase(Locale.ROOT);
        return scope == Scope.PER_LAYER ? e + "-per-layer" : e;
    }

    /** A phrase for menus and sheet footers, e.g. "2nd-98th percentile, shared by every map". */
    public String describe() {
        String range = switch (extent) {
            case ROBUST -> "2nd–98th percentile";
            case FULL -> "full range";
            case TYPED -> Captions.number(min) + " to " + Captions.number(max);
        };
        return range + (scope == Scope.SHARED ? ", shared by every map" : ", per layer");
    }

}
