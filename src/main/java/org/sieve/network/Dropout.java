package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/** Identity at inference; while training, drops units with probability {@code rate}. */
public record Dropout(String name, List<String> inputs, float rate) implements Layer {

    @Override
    public String kind() {
        return "Dropout";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Operand<TFloat32> x = Layer.only(name, in);
        if (!ctx.training() || rate <= 0) {
            return x;
        }
        Ops tf = ctx.tf();
        float keep = 1f - rate;
        // Seeded: TensorFlow seeds unseeded random ops from the clock, and runs must repeat.
        Operand<TFloat32> u = tf.random.randomUniform(tf.shape(x), TFloat32.class,
                RandomUniform.seed(ctx.seed()), RandomUniform.seed2((long) name.hashCode()));
        Operand<TFloat32> mask = tf.math.floor(tf.math.add(u, tf.constant(keep)));
        return tf.math.mul(x, tf.math.mul(mask, tf.constant(1f / keep)));
    }
}
