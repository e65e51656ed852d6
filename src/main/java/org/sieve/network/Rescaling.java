package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Input rescaling x * scale + offset (Keras Rescaling). */
public record Rescaling(String name, List<String> inputs, float scale, float offset) implements Layer {

    @Override
    public String kind() {
        return "Rescaling";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        return tf.math.add(tf.math.mul(Layer.only(name, in), tf.constant(scale)), tf.constant(offset));
    }
}
