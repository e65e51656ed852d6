package org.sieve.analysis;

import org.sieve.metrics.DiscardingResult;

/**
 * An analysis' request with its per-layer results.
 *
 * @param seconds wall time of the whole analysis (cache lookups, engine, views), without program start
 */
public record AnalysisResult(AnalysisRequest request, DiscardingResult discarding, double seconds) {
}
