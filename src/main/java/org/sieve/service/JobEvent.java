package org.sieve.service;

import java.util.List;
import java.util.Set;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.StepEvent;

/** What a running job reports to its subscribers, in this order: started, layers, steps, finished layers. */
public sealed interface JobEvent {

    /**
     * The job left the queue.
     *
     * @param layers       every requested layer, in network order
     * @param cachedLayers those answered from the result cache; the others are computed
     * @param maxSteps     optimisation steps at most
     */
    record Started(List<String> layers, Set<String> cachedLayers, int maxSteps) implements JobEvent {
        public Started {
            layers = List.copyOf(layers);
            cachedLayers = Set.copyOf(cachedLayers);
        }
    }

    /** The optimisation of a layer that was not in the cache begins (all such layers start together). */
    record LayerStarted(String layer) implements JobEvent {
    }

    /** A phase of the computation begins: D0, optimisation, constraint check. */
    record Phase(String description) implements JobEvent {
    }

    /**
     * One optimisation step of one layer ({@code step.layerIndex()} counts the computed layers only).
     *
     * @param progress   fraction of the job's step budget done, 0 to 1
     * @param etaSeconds estimated seconds left at this pace (the job may finish earlier when it converges)
     */
    record Step(StepEvent step, double progress, double etaSeconds) implements JobEvent {
    }

    /** A copy of a layer's current sigma grid; sent at most every 100 ms and only to listeners that want it. */
    record Sigma(String layer, int step, float[][] sigma) implements JobEvent {
    }

    /** A layer's final result, in network order once every layer is known; {@code cached} if it came from the cache. */
    record LayerFinished(LayerResult layer, boolean cached) implements JobEvent {
    }

    /** Something the user should know that did not stop the job, e.g. a cache entry that could not be written. */
    record Warning(String message) implements JobEvent {
    }
}
