package org.sieve.metrics;

/** One optimisation step of one layer, as streamed to listeners. */
public record StepEvent(String layer, int layerIndex, int step, int maxSteps, double loss,
        double distortionRatio, double lambda, double entropyPerDim) {
}
