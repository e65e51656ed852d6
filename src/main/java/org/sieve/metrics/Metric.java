package org.sieve.metrics;

import java.util.Locale;
import org.sieve.SieveException;

/**
 * What the optimised sigma measures (METHOD.md sections 2 and 3). Both maximise an objective
 * over sigma on the same constraint D/D0 = tau; they differ in the objective and the map
 * reported.
 */
public enum Metric {
    /** Metric 1: the entropy of the perturbation, log sigma + 0.5 log(2 pi e) per input dimension. */
    INFORMATION_DISCARDING("information-discarding", "Information discarding", "entropy", "h",
            "pixel-wise entropy h (nats)"),
    /** Metric 2: how uncertain the input is when a decoder rebuilds it from the layer's features. */
    RECONSTRUCTION_UNCERTAINTY("ru", "Reconstruction uncertainty", "reconstruction uncertainty", "r",
            "reconstruction uncertainty r (nats)");

    private final String id;
    private final String title;
    private final String quantity;
    private final String symbol;
    private final String mapLabel;

    Metric(String id, String title, String quantity, String symbol, String mapLabel) {
        this.id = id;
        this.title = title;
        this.quantity = quantity;
        this.symbol = symbol;
        this.mapLabel = mapLabel;
    }

    /** As written in result.json and taken by --metric. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The per-dimension quantity in nats, for axis labels and column headings. */
    public String quantity() {
        return quantity;
    }

    /** The per-dimension value of one cell: h or r. */
    public String symbol() {
        return symbol;
    }

    /** A layer's mean per input dimension: h̄ or r̄. */
    public String meanSymbol() {
        return symbol + "\u0304";
    }

    /** A layer's sum over all input dimensions: H or R. */
    public String totalSymbol() {
        return symbol.toUpperCase(Locale.ROOT);
    }

    /** What a map of the metric's values is labelled with, e.g. on a colour bar. */
    public String mapLabel() {
        return mapLabel;
    }

    public static Metric parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "information-discarding", "discarding", "entropy", "1" -> INFORMATION_DISCARDING;
            case "ru", "reconstruction-uncertainty", "reconstruction", "2" -> RECONSTRUCTION_UNCERTAINTY;
            default -> throw new SieveException("Unknown metric '" + text
                    + "': use information-discarding (metric 1) or ru (metric 2, reconstruction uncertainty).");
        };
    }
}
