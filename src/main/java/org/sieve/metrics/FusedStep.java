package org.sieve.metrics;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One optimisation step of every layer of a {@link SigmaGraph} as graph ops: the noisy pass on
 * the current sigma, the gradient of each active layer's D/D0, Adam along the objective's descent
 * direction, and a damped correction of each layer's level towards the constraint. Fed per step:
 * each layer's step size and level rate, and tau.
 */
final class FusedStep {

    private static final float BETA1 = 0.95f;
    private static final float BETA2 = 0.999f;
    private static final float ADAM_EPSILON = 1e-8f;

    final Placeholder<TFloat32> learningRateIn;
    final Placeholder<TFloat32> levelRateIn;
    final Placeholder<TFloat32> tauIn;
    /** Runs the step: every read of the state finishes before any write. */
    final Op train;
    final Operand<TFloat32> loss;
    final Operand<TFloat32> ratio;
    final Operand<TFloat32> lambda;
    final Operand<TFloat32> value;
    final Operand<TFloat32> logSigma;

    FusedStep(Ops tf, Graph graph, NoisyForward forward, OptimiserVariables vars, Objective objective, int draws,
            DiscardingSettings settings) {
        int layerCount = (int) vars.logSigma.shape().get(0);
        Shape layerShape = Shape.of(layerCount);
        learningRateIn = tf.placeholder(TFloat32.class, Placeholder.shape(layerShape));
        levelRateIn = tf.placeholder(TFloat32.class, Placeholder.shape(layerShape));
        tauIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        logSigma = tf.identity(vars.logSigma);
        NoisyForward.Pass pass = forward.pass(logSigma, tf.identity(vars.keys), tf.identity(vars.counter), draws);
        ratio = tf.math.div(pass.distortion(), vars.d0);
        Operand<TBool> isActive = tf.identity(vars.active);
        Operand<TFloat32> activeRatio = tf.reduceSum(tf.select(isActive, ratio, tf.zerosLike(ratio)),
                tf.constant(0));
        @SuppressWarnings("unchecked")
        Operand<TFloat32> g = (Operand<TFloat32>) graph.addGradients(activeRatio.asOutput(),
                new Output<?>[] {logSigma.asOutput()})[0];
        Objective.Step step = objective.step(new Objective.StepInputs(tf, graph, pass, logSigma, ratio, g,
                isActive));
        value = step.value();
        lambda = step.lambda();
        loss = step.loss();

        Operand<TFloat32> t1 = tf.math.add(vars.t, tf.constant(1f));
        Operand<TFloat32> m1 = tf.math.add(tf.math.mul(vars.m, tf.constant(BETA1)),
                tf.math.mul(step.descent(), tf.constant(1f - BETA1)));
        Operand<TFloat32> v1 = tf.math.add(tf.math.mul(vars.v, tf.constant(BETA2)),
                tf.math.mul(tf.math.square(step.descent()), tf.constant(1f - BETA2)));
        Operand<TFloat32> sNext = tf.select(tf.reshape(isActive, perLayer(tf, layerCount)),
                stepped(tf, layerCount, t1, m1, v1, g, step.tangent(), settings), logSigma);

        Ops afterReads = tf.withControlDependencies(List.of((Op) loss, (Op) ratio, (Op) value, (Op) lambda,
                (Op) logSigma, (Op) activeRatio));
        List<Op> writes = new ArrayList<>(List.of(
                afterReads.assign(vars.logSigma, sNext), afterReads.assign(vars.m, m1), afterReads.assign(vars.v, v1),
                afterReads.assign(vars.t, t1), afterReads.assignAdd(vars.counter, tf.constant(1L))));
        train = tf.withControlDependencies(writes).noOp();
    }

    /** log sigma after Adam's update and the level correction, within the clamps. */
    private Operand<TFloat32> stepped(Ops tf, int layerCount, Operand<TFloat32> t1, Operand<TFloat32> m1,
            Operand<TFloat32> v1, Operand<TFloat32> g, boolean tangent, DiscardingSettings settings) {
        Operand<TFloat32> correction = tf.math.div(
                tf.math.sqrt(tf.math.sub(tf.constant(1f), tf.math.pow(tf.constant(BETA2), t1))),
                tf.math.sub(tf.constant(1f), tf.math.pow(tf.constant(BETA1), t1)));
        Operand<TInt32> perLayer = perLayer(tf, layerCount);
        Operand<TFloat32> update = tf.math.mul(tf.math.mul(tf.reshape(learningRateIn, perLayer), correction),
                tf.math.div(m1, tf.math.add(tf.math.sqrt(v1), tf.constant(ADAM_EPSILON))));
        if (tangent) {
            // Adam's per-cell scaling tilts a tangent step back towards more distortion, which a
            // damped level correction only balances off tau; taking the step's component along
            // grad D out keeps it on the level set to first order.
            update = tf.math.sub(update, tf.math.mul(Objective.along(tf, update, g), g));
        }
        // The level follows the constraint: near the operating point D grows like sigma^2, so
        // shifting log sigma by log(tau / ratio) / 2 would land on tau; a damped share of it
        // averages out the noise of the few-draw estimate.
        Operand<TFloat32> level = tf.math.mul(levelRateIn, tf.math.mul(tf.constant(0.5f),
                tf.math.log(tf.math.div(tauIn, tf.math.maximum(ratio, tf.constant(1e-6f))))));
        return tf.clipByValue(tf.math.add(tf.math.sub(logSigma, update), tf.reshape(level, perLayer)),
                tf.constant((float) Math.log(settings.sigmaMin())),
                tf.constant((float) Math.log(settings.sigmaMax())));
    }

    private static Operand<TInt32> perLayer(Ops tf, int layerCount) {
        return tf.constant(new int[] {layerCount, 1, 1});
    }
}
