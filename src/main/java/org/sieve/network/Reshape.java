package org.sieve.network;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Reshape of each example; an empty target shape flattens (Keras Flatten, HWC order).
 */
public record Reshape(String name, List<String> inputs, int[] targetShape) implements Layer {

    public static Reshape flatten(String name, List<String> inputs) {
        return new Reshape(name, inputs, new int[0]);
    }

    public boolean isFlatten() {
        return targetShape.length == 0;
    }

    @Override
    public String kind() {
        return isFlatten() ? "Flatten" : "Reshape";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        Operand<TFloat32> x = Layer.only(name, in);
        long[] target = isFlatten()
                ? new long[] {-1, LongStream.of(Shapes.perExample(x)).reduce(1, (a, b) -> a * b)}
                : LongStream.concat(LongStream.of(-1), Arrays.stream(targetShape).asLongStream()).toArray();
        return ctx.tf().reshape(x, ctx.tf().constant(target));
    }
}
