package org.sieve.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sieve.image.ForegroundMask;
import org.sieve.metrics.DiscardingResult;
import org.sieve.metrics.ForegroundViews;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.SigmaGrid;

/**
 * Joins cached and freshly computed layers into one result, as if all had been computed
 * together: network order, the envelope over depth of exactly these layers, and the foreground
 * views of this request's mask.
 */
final class LayerMerge {

    private LayerMerge() {
    }

    /**
     * @param order  layer names in network order
     * @param byName every layer's result, cached or computed
     * @param mask   the request's foreground, or null
     */
    static DiscardingResult merge(List<String> order, Map<String, LayerResult> byName, SigmaGrid grid,
            ForegroundMask mask) {
        boolean[] foreground = mask == null ? null : mask.pixels();
        List<LayerResult> out = new ArrayList<>();
        double envelope = Double.NEGATIVE_INFINITY;
        for (String name : order) {
            LayerResult l = byName.get(name);
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
