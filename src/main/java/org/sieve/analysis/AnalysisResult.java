package org.sieve.analysis;

import org.sieve.metrics.DiscardingResult;

/** An analysis' request with its per-layer results. */
public record AnalysisResult(AnalysisRequest request, DiscardingResult discarding) {
}
