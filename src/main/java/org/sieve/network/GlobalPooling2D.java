package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Global max or average over the spatial axes: NHWC to NC. */
public record GlobalPooling2D(String name, List<String> inputs, boolean max) implements Layer {

    @Override
    public String kind() {
        return max ? "GlobalMaxPooling2D" : "GlobalAveragePooling2D";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Operand<TFloat32> x = Layer.only(name, in);
        var axes = ctx.tf().constant(new int[] {1, 2});
        return max ? ctx.tf().reduceMax(x, axes) : ctx.tf().math.mean(x, axes);
    }
}
