package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Zeros around the spatial borders: top, bottom, left, right. */
public record ZeroPadding2D(String name, List<String> inputs, int top, int bottom, int left, int right)
        implements Layer {

    @Override
    public String kind() {
        return "ZeroPadding2D";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        int[][] pads = {{0, 0}, {top, bottom}, {left, right}, {0, 0}};
        return ctx.tf().pad(Layer.only(name, in), ctx.tf().constant(pads), ctx.tf().constant(0f));
    }
}
