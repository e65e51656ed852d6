package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Depthwise 2-D convolution: one kernel per input channel (times a multiplier). */
public record DepthwiseConv2D(String name, List<String> inputs, int[] kernel, int[] strides,
        String padding, int depthMultiplier, boolean useBias, Activation activation) implements Layer {

    @Override
    public String kind() {
        return "DepthwiseConv2D";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = Layer.only(name, in);
        long channels = Shapes.lastDim(x);
        long[] shape = {kernel[0], kernel[1], channels, depthMultiplier};
        Operand<TFloat32> w = ctx.weight(name, "depthwise_kernel", shape, WeightInit.GLOROT_UNIFORM);
        Operand<TFloat32> y = tf.nn.depthwiseConv2dNative(x, w, Shapes.nhwc(strides), Shapes.tfPadding(padding));
        if (useBias) {
            y = tf.nn.biasAdd(y, ctx.weight(name, "bias", new long[] {channels * depthMultiplier}, WeightInit.ZEROS));
        }
        return activation.apply(tf, y);
    }
}
