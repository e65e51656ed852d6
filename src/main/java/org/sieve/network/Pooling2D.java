package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Max or average pooling over spatial windows. */
public record Pooling2D(String name, List<String> inputs, boolean max, int[] pool, int[] strides,
        String padding) implements Layer {

    @Override
    public String kind() {
        return max ? "MaxPooling2D" : "AveragePooling2D";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = Layer.only(name, in);
        String pad = Shapes.tfPadding(padding);
        if (max) {
            return tf.nn.maxPool(x, tf.constant(new int[] {1, pool[0], pool[1], 1}),
                    tf.constant(new int[] {1, strides[0], strides[1], 1}), pad);
        }
        return tf.nn.avgPool(x, Shapes.nhwc(pool), Shapes.nhwc(strides), pad);
    }
}
