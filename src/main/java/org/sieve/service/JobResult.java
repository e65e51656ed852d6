package org.sieve.service;

import java.util.Set;
import org.sieve.analysis.AnalysisResult;

/**
 * A finished job.
 *
 * @param analysis            every requested layer, in network order
 * @param cachedLayers        the layers that came from the result cache
 * @param engineSeconds       wall time spent in the engine (0 when every layer was cached)
 * @param optimisationSeconds of that, the sigma optimisation steps themselves
 */
public record JobResult(AnalysisResult analysis, Set<String> cachedLayers, double engineSeconds,
        double optimisationSeconds) {

    public JobResult {
        cachedLayers = Set.copyOf(cachedLayers);
    }
}
