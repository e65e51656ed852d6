package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;

/**
 * Resizes each example's feature map to height x width (Keras Resizing). Decoders upsample with
 * it followed by a convolution rather than with a transposed convolution: TensorFlow's graph-mode
 * gradient registry covers the resize, and resize-then-convolve leaves no checkerboard pattern.
 */
public record Resizing(String name, List<String> inputs, int height, int width, boolean bilinear,
        boolean halfPixelCenters) implements Layer {

    /** Keras' resizing: bilinear with half-pixel centres (TensorFlow 1's resize had none). */
    public Resizing(String name, List<String> inputs, int height, int width, boolean bilinear) {
        this(name, inputs, height, width, bilinear, bilinear);
    }

    @Override
    public String kind() {
        return "Resizing";
    }

    public String interpolation() {
        return bilinear ? "bilinear" : "nearest";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Ops tf = ctx.tf();
        Operand<TFloat32> x = Layer.only(name, in);
        var size = tf.constant(new int[] {height, width});
        return bilinear
                ? tf.image.resizeBilinear(x, size, ResizeBilinear.halfPixelCenters(halfPixelCenters))
                : tf.image.resizeNearestNeighbor(x, size);
    }
}
