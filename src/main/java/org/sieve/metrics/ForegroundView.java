package org.sieve.metrics;

/**
 * Foreground/background views of one layer's entropy map (METHOD.md section 4). Entropies are
 * means per input dimension so that regions of different size compare.
 *
 * @param concentration           backgroundEntropy - foregroundEntropy: positive when the layer
 *                                keeps foreground information and discards background
 * @param knowledgePointsForeground foreground cells whose entropy is below the background mean by more than b
 * @param knowledgePointsBackground the same among background cells
 * @param knowledgePointRatio     foreground share of all knowledge points (NaN when there are none)
 */
public record ForegroundView(double foregroundEntropy, double backgroundEntropy, double concentration,
        int knowledgePointsForeground, int knowledgePointsBackground, double knowledgePointRatio) {
}
