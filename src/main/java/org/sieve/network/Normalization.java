package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Per-channel standardisation (x - mean) / sqrt(variance), statistics stored as weights. */
public record Normalization(String name, List<String> inputs) implements Layer {

    private static final float EPSILON = 1e-7f;

    @Override
    public String kind() {
        return "Normalization";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = Layer.only(name, in);
        long[] c = {Shapes.lastDim(x)};
        Operand<TFloat32> mean = ctx.weight(name, "mean", c, WeightInit.ZEROS);
        Operand<TFloat32> variance = ctx.weight(name, "variance", c, WeightInit.ONES);
        Operand<TFloat32> std = tf.math.sqrt(tf.math.maximum(variance, tf.constant(EPSILON)));
        return tf.math.div(tf.math.sub(x, mean), std);
    }
}
