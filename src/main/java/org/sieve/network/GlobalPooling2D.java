package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/** Global max or average over the spatial axes: NHWC to NC, or to N11C when keeping the axes. */
public record GlobalPooling2D(String name, List<String> inputs, boolean max, boolean keepDims) implements Layer {

    public GlobalPooling2D(String name, List<String> inputs, boolean max) {
        this(name, inputs, max, false);
    }

    @Override
    public String kind() {
        return max ? "GlobalMaxPooling2D" : "GlobalAveragePooling2D";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Operand<TFloat32> x = Layer.only(name, in);
        var axes = ctx.tf().constant(new int[] {1, 2});
        return max ? ctx.tf().reduceMax(x, axes, ReduceMax.keepDims(keepDims))
                : ctx.tf().math.mean(x, axes, Mean.keepDims(keepDims));
    }
}
