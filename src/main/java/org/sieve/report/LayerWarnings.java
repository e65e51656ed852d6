package org.sieve.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sieve.metrics.LayerResult;

/**
 * What a reader of a layer's map should be warned of, with the reason and what to do: the
 * optimisation did not converge, or cells sit at the largest noise allowed (saturated).
 * Shown on the map's tile and in the progress list, not only in the large view.
 *
 * @param labels short words for under a map, e.g. "not converged" or "12 saturated" (cells)
 * @param advice the reasons and what to do, for a tooltip
 */
public record LayerWarnings(List<String> labels, String advice) {

    private static final LayerWarnings NONE = new LayerWarnings(List.of(), "");

    public LayerWarnings {
        labels = List.copyOf(labels);
    }

    public static LayerWarnings of(LayerResult layer) {
        if (!layer.ok()) {
            return NONE;
        }
        List<String> labels = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        if (!layer.converged()) {
            labels.add("not converged");
            advice.add(String.format(Locale.ROOT, "Not converged after %d steps: the entropy was still changing or"
                    + " D/D0 (%.2f) had not settled at tau. Its values are provisional: analyse again with more"
                    + " steps (Settings, Steps).", layer.steps(), layer.distortionRatio()));
        }
        if (layer.saturatedCells() > 0) {
            labels.add(layer.saturatedCells() + " saturated");
            advice.add(layer.saturatedCells() + " cell" + (layer.saturatedCells() == 1 ? "" : "s")
                    + " reached the largest noise allowed: the layer ignores " + (layer.saturatedCells() == 1
                    ? "it" : "them") + " completely, and the value there is capped at the most Sieve can measure."
                    + " Usual for blank background; the robust colour range draws such outliers hatched.");
        }
        return labels.isEmpty() ? NONE : new LayerWarnings(labels, String.join("\n", advice));
    }

    public boolean any() {
        return !labels.isEmpty();
    }

    /** The labels in one line, e.g. "not converged · 12 saturated". */
    public String summary() {
        return String.join(" · ", labels);
    }
}
