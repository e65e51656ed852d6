package org.sieve.metrics;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * What sigma is optimised for on the constraint D/D0 = tau: metric 1's entropy (METHOD.md
 * section 2, {@link EntropyObjective}) or metric 2's reconstruction uncertainty (section 3,
 * {@link ReconstructionObjective}). An objective says what one step adds to the graph and what
 * is reported at the end; the step's Adam update, the level correction towards tau and the
 * constraint check are shared ({@link SigmaGraph}, {@link ConstraintCheck}).
 */
interface Objective {

    /** Makes an objective for one graph, over the graph's clean image ([1, H, W, C], pixel space). */
    @FunctionalInterface
    interface Builder {
        Objective build(Ops tf, Operand<TFloat32> image);
    }

    /** Which metric this objective computes. */
    Metric metric();

    /**
     * One step's terms, per layer: the objective's value per input dimension (h̄ or r̄), the
     * multiplier lambda of D/D0 - lambda * objective, that loss, and the direction Adam descends
     * on log sigma, [layers, rows, columns].
     *
     * @param tangent whether Adam's update must be projected back onto the constraint's level
     *                set (its component along grad D removed)
     */
    record Step(Operand<TFloat32> value, Operand<TFloat32> lambda, Operand<TFloat32> loss,
            Operand<TFloat32> descent, boolean tangent) {
    }

    /** What the step graph gives an objective to build on. */
    record StepInputs(Ops tf, Graph graph, NoisyForward.Pass pass, Operand<TFloat32> logSigma,
            Operand<TFloat32> ratio, Operand<TFloat32> ratioGradient, Operand<TBool> active) {
    }

    Step step(StepInputs in);

    /** Builds what the final report measures on a pass over a fed sigma (nothing for metric 1). */
    void measureOn(Ops tf, NoisyForward.Pass measured);

    /**
     * The maps reported for the final log sigma of every layer.
     *
     * @param runs batches of draws for a measurement on fresh noise
     */
    List<LayerMaps> report(SigmaGraph graph, float[][] logSigma, long[] keys, int runs);

    /**
     * A layer's reported map over the sigma grid's cells (h or r), its mean per input
     * dimension, and metric 2's reconstruction of the clean image (HWC, null for metric 1).
     */
    record LayerMaps(float[] cellMap, double perDim, float[] reconstruction) {
    }

    /** Per layer, the coefficient of x's projection on g over the cells, shaped [layers, 1, 1]. */
    static Operand<TFloat32> along(Ops tf, Operand<TFloat32> x, Operand<TFloat32> g) {
        Operand<TInt32> cellAxes = tf.constant(new int[] {1, 2});
        return tf.math.divNoNan(tf.reduceSum(tf.math.mul(x, g), cellAxes, ReduceSum.keepDims(true)),
                tf.reduceSum(tf.math.square(g), cellAxes, ReduceSum.keepDims(true)));
    }
}
