package org.sieve.metrics;

import java.util.List;

/** Receives an analysis' progress. Called on the computing thread; keep handlers quick. */
public interface AnalysisListener {

    AnalysisListener NONE = new AnalysisListener() { };

    /** Before anything is computed. */
    default void started(List<String> layers, int maxSteps) {
    }

    /** A phase of the analysis begins: D0, optimisation, constraint check. */
    default void phase(String description) {
    }

    /** Every step of every layer still optimising. */
    default void step(StepEvent event) {
    }

    /** Whether to send sigma snapshots (they cost a small copy each). */
    default boolean wantsSigma() {
        return false;
    }

    /**
     * The step of a sigma snapshot that is metric 1's first-order estimate, sent before the first
     * step: an approximation, refined by the steps that follow.
     */
    int APPROXIMATE_STEP = 0;

    /**
     * A copy of a layer's current sigma grid, at most every {@link InformationDiscarding#SNAPSHOT_MILLIS},
     * and first the approximate one ({@link #APPROXIMATE_STEP}).
     */
    default void sigma(String layer, int step, float[][] sigma) {
    }

    /** A layer's final result, in network order after the joint optimisation. */
    default void layerFinished(LayerResult result) {
    }
}
