package org.sieve.network;

import java.util.List;
import org.tensorflow.types.TFloat32;
import org.tensorflow.Operand;

/**
 * Reorders each example's axes (Keras Permute): {@code dims} are 1-based and leave the batch axis
 * alone. Imported channels-first models flatten through it, so their dense weights keep their order.
 */
public record Permute(String name, List<String> inputs, int[] dims) implements Layer {

    @Override
    public String kind() {
        return "Permute";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        int[] perm = new int[dims.length + 1];
        for (int i = 0; i < dims.length; i++) {
            perm[i + 1] = dims[i];
        }
        return ctx.tf().linalg.transpose(Layer.only(name, in), ctx.tf().constant(perm));
    }
}
