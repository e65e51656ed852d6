package org.sieve.network;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The network's input: one image of height x width x channels, pixel values as the model expects. */
public record InputLayer(String name, int height, int width, int channels) implements Layer {

    /**
     * Input sides at most: far beyond the 224 to 512 pixels of image networks, and small enough
     * that an image of this size, its noisy copies and the resampler's arithmetic stay in int.
     */
    public static final int MAX_SIDE = 4096;
    /** Images have 1 to 4 channels; decoders take feature maps of up to a few thousand. */
    public static final int MAX_CHANNELS = 4096;
    /** Values of one input at most (height x width x channels), so that sizes stay in int. */
    public static final long MAX_VALUES = 1L << 26;

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
