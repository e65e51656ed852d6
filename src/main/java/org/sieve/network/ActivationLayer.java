package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A stand-alone activation (Keras Activation, ReLU, LeakyReLU, Softmax layers).
 *
 * @param leakyAlpha the activation's parameter: LEAKY_RELU's negative slope, or the slope of
 *                   HARD_SIGMOID and HARD_SWISH (see {@link Activation#apply(Ops, Operand, float)})
 */
public record ActivationLayer(String name, List<String> inputs, Activation activation, float leakyAlpha)
        implements Layer {

    @Override
    public String kind() {
        return "Activation";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        return activation.apply(ctx.tf(), Layer.only(name, in), leakyAlpha);
    }
}
