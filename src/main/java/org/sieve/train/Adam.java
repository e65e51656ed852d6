package org.sieve.train;

import java.util.ArrayList;
import java.util.List;
import org.sieve.tf.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba 2015) with TensorFlow's fused ApplyAdam kernel, one per variable. The
 * learning rate and the bias corrections are fed with every step, so the schedule lives in Java.
 */
final class Adam {

    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-7f;

    /** Learning rate, beta1^t and beta2^t of the current step. */
    private final Placeholder<TFloat32> stepValues;
    private final List<Op> updates = new ArrayList<>();

    /** Adds the updates of {@code variables} given their {@code gradients}, in the same order. */
    Adam(Ops tf, List<Variable<TFloat32>> variables, List<Operand<TFloat32>> gradients) {
        stepValues = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(3)));
        Operand<TFloat32> learningRate = element(tf, 0);
        Operand<TFloat32> beta1Power = element(tf, 1);
        Operand<TFloat32> beta2Power = element(tf, 2);
        Ops init = tf.withInitScope();
        // Every gradient, and so every read of a weight, comes before any weight changes; without
        // this a backward op may read a weight already updated, and runs are not reproducible.
        Ops apply = tf.withControlDependencies(List.copyOf(gradients));
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> v = variables.get(i);
            Variable<TFloat32> m = init.variable(init.zeros(init.constant(v.shape()), TFloat32.class));
            Variable<TFloat32> s = init.variable(init.zeros(init.constant(v.shape()), TFloat32.class));
            updates.add(apply.train.applyAdam(v, m, s, beta1Power, beta2Power, learningRate,
                    tf.constant(BETA1), tf.constant(BETA2), tf.constant(EPSILON), gradients.get(i)));
        }
    }

    List<Op> updates() {
        return updates;
    }

    Placeholder<TFloat32> stepValues() {
        return stepValues;
    }

    /** The values to feed for step {@code t} (1 for the first) at learning rate {@code lr}. */
    static TFloat32 stepValues(int t, float lr) {
        return Tensors.of(new float[] {lr, (float) Math.pow(BETA1, t), (float) Math.pow(BETA2, t)}, 3);
    }

    private Operand<TFloat32> element(Ops tf, int i) {
        return tf.gather(stepValues, tf.constant(i), tf.constant(0));
    }
}
