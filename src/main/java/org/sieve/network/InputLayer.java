package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The network's input: one image of height x width x channels, pixel values as the model expects. */
public record InputLayer(String name, int height, int width, int channels) implements Layer {

    @Override
    public List<String> inputs() {
        return List.of();
    }

    @Override
    public String kind() {
        return "InputLayer";
    }

    @Override
    public Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in) {
        return Layer.only(name, in);
    }
}
