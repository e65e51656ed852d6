package org.sieve.metrics;

/**
 * Metric 1 or 2 for one layer (METHOD.md sections 2 and 3). Values are in nats; grids are
 * [row][column] over the sigma grid. For metric 2 the entropy fields hold the reconstruction
 * uncertainty r (per dimension, total, and its map averaged over each cell's pixels).
 *
 * @param entropyPerDim    h-bar: layer entropy per input dimension, comparable across input sizes
 * @param entropyTotal     H(X~): sum over all H*W*C input dimensions
 * @param entropyEnvelope  running maximum of entropyPerDim over the analysed layers in depth order
 * @param distortionRatio  D/D0 re-measured on a fresh noise sample
 * @param converged        entropy stable over the last 20% of steps and the constraint met
 * @param saturatedCells   cells at the upper sigma bound: the layer ignores them completely
 * @param seconds          wall time of the joint optimisation this layer took part in
 * @param reconstruction   metric 2: the decoder's reconstruction of the clean image, HWC in pixel
 *                         space; null for metric 1
 * @param foreground       foreground/background views, or null without a mask
 * @param failure          why this layer has no result, or null
 */
public record LayerResult(String name, long[] outputShape, double entropyPerDim, double entropyTotal,
        double entropyEnvelope, double distortionRatio, double lambda, boolean converged, int saturatedCells,
        int steps, double seconds, float[][] sigma, float[][] entropyMap, float[] reconstruction,
        ForegroundView foreground, String failure) {

    public static LayerResult failed(String name, long[] outputShape, int steps, double seconds, String why) {
        return new LayerResult(name, outputShape, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                false, 0, steps, seconds, null, null, null, null, why);
    }

    public boolean ok() {
        return failure == null;
    }

    public LayerResult withEnvelope(double envelope) {
        return new LayerResult(name, outputShape, entropyPerDim, entropyTotal, envelope, distortionRatio, lambda,
                converged, saturatedCells, steps, seconds, sigma, entropyMap, reconstruction, foreground, failure);
    }

    public LayerResult withForeground(ForegroundView view) {
        return new LayerResult(name, outputShape, entropyPerDim, entropyTotal, entropyEnvelope, distortionRatio,
                lambda, converged, saturatedCells, steps, seconds, sigma, entropyMap, reconstruction, view, failure);
    }
}
