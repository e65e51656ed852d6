package org.sieve.metrics;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Metric 1 (METHOD.md section 2): maximise the entropy of the perturbation, mean log sigma, on
 * the constraint. Its step only reshapes sigma (Adam on grad D with its mean over the cells
 * that can move removed); the shared level correction sets the level. The map reported is
 * h = log sigma + 0.5 log(2 pi e) per cell.
 */
final class EntropyObjective implements Objective {

    /** 0.5 * log(2 pi e): the entropy of a unit Gaussian, added to log sigma. */
    static final double GAUSSIAN_ENTROPY_OFFSET = 0.5 * Math.log(2 * Math.PI * Math.E);
    /** A cell this close to a bound, in log sigma, is held there. */
    private static final float AT_BOUND = 1e-4f;

    private final float logSigmaMin;
    private final float logSigmaMax;

    /** @param settings the clamps of sigma, which hold the cells that reach them */
    EntropyObjective(DiscardingSettings settings) {
        this.logSigmaMin = (float) Math.log(settings.sigmaMin());
        this.logSigmaMax = (float) Math.log(settings.sigmaMax());
    }

    @Override
    public Metric metric() {
        return Metric.INFORMATION_DISCARDING;
    }

    @Override
    public Step step(StepInputs in) {
        Ops tf = in.tf();
        Operand<TInt32> cellAxes = tf.constant(new int[] {1, 2});
        Operand<TFloat32> g = in.ratioGradient();
        Operand<TFloat32> entropy = tf.math.add(in.pass().meanUpsampledLogSigma(),
                tf.constant((float) GAUSSIAN_ENTROPY_OFFSET));
        Operand<TFloat32> free = free(tf, cellAxes, g, in.logSigma());
        Operand<TFloat32> freeMean = tf.math.divNoNan(
                tf.reduceSum(tf.math.mul(g, free), cellAxes, ReduceSum.keepDims(true)),
                tf.reduceSum(free, cellAxes, ReduceSum.keepDims(true)));
        // The multiplier that makes the Lagrangian D/D0 - lambda * mean(s) flat on average over
        // the free cells (its KKT value): Adam then only reshapes sigma, it does not move its level.
        Shape grid = in.logSigma().shape();
        Operand<TFloat32> lambda = tf.math.mul(tf.reshape(freeMean, tf.constant(new int[] {-1})),
                tf.constant((float) (grid.size(1) * grid.size(2))));
        Operand<TFloat32> loss = tf.math.sub(in.ratio(), tf.math.mul(lambda, tf.math.mean(in.logSigma(), cellAxes)));
        Operand<TFloat32> shape = tf.math.mul(tf.math.sub(g, freeMean), free);
        return new Step(entropy, lambda, loss, shape, false);
    }

    /**
     * 1 where a cell can move, 0 where it is held: at a clamp, with the step pushing it further
     * out (an ignored region at the upper bound). Counted in the mean that the shape step
     * removes, held cells would pull every free cell's direction one way, and Adam, scaling each
     * cell by its own noise, turns that pull into a bend: the cells whose gradient is least noisy
     * end lowest (measured: 0.04 to 0.06 nats between cells the layer weighs equally).
     */
    private Operand<TFloat32> free(Ops tf, Operand<TInt32> cellAxes, Operand<TFloat32> g,
            Operand<TFloat32> logSigma) {
        Operand<TFloat32> mean = tf.math.mean(g, cellAxes, Mean.keepDims(true));
        Operand<TBool> held = tf.math.logicalOr(
                tf.math.logicalAnd(tf.math.greaterEqual(logSigma, tf.constant(logSigmaMax - AT_BOUND)),
                        tf.math.less(g, mean)),
                tf.math.logicalAnd(tf.math.lessEqual(logSigma, tf.constant(logSigmaMin + AT_BOUND)),
                        tf.math.greater(g, mean)));
        return tf.dtypes.cast(tf.math.logicalNot(held), TFloat32.class);
    }

    @Override
    public void measureOn(Ops tf, NoisyForward.Pass measured) {
        // h is read off sigma itself: nothing to measure on noise.
    }

    @Override
    public List<LayerMaps> report(SigmaGraph graph, float[][] logSigma, long[] keys, int runs) {
        List<LayerMaps> maps = new ArrayList<>();
        for (float[] s : logSigma) {
            float[] h = new float[s.length];
            for (int c = 0; c < h.length; c++) {
                h[c] = (float) (s[c] + GAUSSIAN_ENTROPY_OFFSET);
            }
            maps.add(new LayerMaps(h, graph.grid().pixelMean(h), null));
        }
        return maps;
    }
}
