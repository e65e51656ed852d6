package org.sieve.metrics;

import java.util.List;

/** Metric 1 for several layers of one image: each layer's result and the grid they share. */
public record DiscardingResult(SigmaGrid grid, List<LayerResult> layers) {
}
