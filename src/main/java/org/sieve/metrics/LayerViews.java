package org.sieve.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The views over a set of layers' results (METHOD.md sections 2 and 4): the running maximum of
 * the layer value over depth (the envelope, flagged as such beside the raw values) and, with a
 * foreground mask, each layer's foreground/background views. They depend on which layers are
 * shown together, so they are derived here, after the per-layer results, whether those were
 * computed together, apart, or read from the cache.
 */
public final class LayerViews {

    private LayerViews() {
    }

    /**
     * @param inOrder    the layers' results in network order
     * @param foreground per input pixel, whether it is foreground; null for no views
     */
    public static DiscardingResult of(SigmaGrid grid, List<LayerResult> inOrder, boolean[] foreground) {
        List<LayerResult> out = new ArrayList<>();
        double envelope = Double.NEGATIVE_INFINITY;
        for (LayerResult l : inOrder) {
            if (l.ok()) {
                envelope = Math.max(envelope, l.entropyPerDim());
                l = l.withEnvelope(envelope)
                        .withForeground(foreground == null ? null : ForegroundViews.of(l.entropyMap(), grid, foreground));
            }
            out.add(l);
        }
        return new DiscardingResult(grid, out);
    }
}
