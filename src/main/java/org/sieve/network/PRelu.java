package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Parametric ReLU with one learned negative slope per channel (Keras PReLU sharing the spatial
 * axes): relu(x) - alpha * relu(-x), written with ops that all have gradients.
 */
public record PRelu(String name, List<String> inputs) implements Layer {

    @Override
    public String kind() {
        return "PReLU";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = Layer.only(name, in);
        Operand<TFloat32> alpha = ctx.weight(name, "alpha", new long[] {Shapes.lastDim(x)}, WeightInit.ZEROS);
        return tf.math.sub(tf.nn.relu(x), tf.math.mul(alpha, tf.nn.relu(tf.math.neg(x))));
    }
}
