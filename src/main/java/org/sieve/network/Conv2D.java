package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.TFloat32;

/** 2-D convolution, kernel HWIO, optionally with bias and a fused activation. */
public record Conv2D(String name, List<String> inputs, int filters, int[] kernel, int[] strides,
        String padding, int[] dilation, boolean useBias, Activation activation) implements Layer {

    @Override
    public String kind() {
        return "Conv2D";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = Layer.only(name, in);
        long[] shape = {kernel[0], kernel[1], Shapes.lastDim(x), filters};
        Operand<TFloat32> w = ctx.weight(name, "kernel", shape, WeightInit.GLOROT_UNIFORM);
        Operand<TFloat32> y = tf.nn.conv2d(x, w, Shapes.nhwc(strides), Shapes.tfPadding(padding),
                Conv2d.dilations(Shapes.nhwc(dilation)));
        if (useBias) {
            y = tf.nn.biasAdd(y, ctx.weight(name, "bias", new long[] {filters}, WeightInit.ZEROS));
        }
        return activation.apply(tf, y);
    }
}
