package org.sieve.train;

import java.util.List;
import org.sieve.network.Dropout;
import org.sieve.network.Layer;
import org.sieve.network.BuildContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/**
 * Dropout whose random mask is seeded, standing in for {@link Dropout} while training so that
 * a run is reproducible: TensorFlow seeds unseeded random ops from the clock.
 */
record SeededDropout(String name, List<String> inputs, float rate, long seed) implements Layer {

    SeededDropout(Dropout d, long seed) {
        this(d.name(), d.inputs(), d.rate(), seed);
    }

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
        Operand<TFloat32> u = tf.random.randomUniform(tf.shape(x), TFloat32.class,
                RandomUniform.seed(seed), RandomUniform.seed2((long) name.hashCode()));
        Operand<TFloat32> mask = tf.math.floor(tf.math.add(u, tf.constant(keep)));
        return tf.math.mul(x, tf.math.mul(mask, tf.constant(1f / keep)));
    }
}
