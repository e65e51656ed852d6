package org.sieve.metrics;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Metric 1 (METHOD.md section 2): maximise the entropy of the perturbation, mean log sigma, on
 * the constraint. Its step only reshapes sigma (Adam on grad D with its mean over the cells
 * removed); the shared level correction sets the level. The map reported is
 * h = log sigma + 0.5 log(2 pi e) per cell.
 */
final class EntropyObjective implements Objective {

    /** 0.5 * log(2 pi e): the entropy of a unit Gaussian, added to log sigma. */
    static final double GAUSSIAN_ENTROPY_OFFSET = 0.5 * Math.log(2 * Math.PI * Math.E);

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
        // The multiplier that makes the Lagrangian D/D0 - lambda * mean(s) flat on average over
        // the cells (its KKT value): Adam then only reshapes sigma, it does not move its level.
        Operand<TFloat32> lambda = tf.reduceSum(g, cellAxes);
        Operand<TFloat32> loss = tf.math.sub(in.ratio(), tf.math.mul(lambda, tf.math.mean(in.logSigma(), cellAxes)));
        Operand<TFloat32> shape = tf.math.sub(g, tf.math.mean(g, cellAxes, Mean.keepDims(true)));
        return new Step(entropy, lambda, loss, shape, false);
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
