package org.sieve.train;

import org.sieve.network.Activation;
import org.sieve.network.Network;

/**
 * The decoder R_l of metric 2 (METHOD.md section 3): rebuilds the image, in pixel space, from
 * phi(f_l(x)). Every layer's decoder has the same capacity, as in the reference, so that
 * differences of reconstruction uncertainty between layers are the layers' and not their
 * decoders': a stem convolution at the feature's resolution, then {@link #BLOCKS} residual
 * blocks of {@link #WIDTH} channels, the first log2(H/h) of them followed by a bilinear
 * upsampling, a narrowing convolution and a linear 3x3 convolution to the image's channels.
 * Smaller than the reference (ours: six blocks of 64 channels), so that a decoder for every layer
 * of every bundled model trains on a CPU. A feature vector (a dense layer) is first projected to
 * a WIDTH-channel map of a quarter of the image's size.
 */
public final class DecoderArchitecture {

    /** What decoders.json records for decoders of this design. */
    public static final String DESIGN = "equal-capacity";
    static final int WIDTH = 32;
    static final int FINAL_WIDTH = 16;
    /** Residual blocks of every decoder; a map needing more doublings gets one block per doubling. */
    static final int BLOCKS = 4;
    /** Faster than Keras' 0.99: decoders train for few steps, and inference reads the moving statistics. */
    private static final float BN_MOMENTUM = 0.9f;

    private DecoderArchitecture() {
    }

    /**
     * @param feature the layer's output shape without the batch axis: [h, w, c] or [n]
     */
    public static Network build(long[] feature, int height, int width, int channels) {
        LayerStack s;
        int h;
        int w;
        if (feature.length == 3) {
            h = (int) feature[0];
            w = (int) feature[1];
            s = new LayerStack(h, w, (int) feature[2]);
            convBnRelu(s, "stem", WIDTH);
        } else if (feature.length == 1) {
            h = Math.max(1, (height + 3) / 4);
            w = Math.max(1, (width + 3) / 4);
            s = new LayerStack(1, 1, (int) feature[0]);
            s.flatten("stem.flatten").dense("stem.dense", h * w * WIDTH, Activation.RELU)
                    .reshape("stem.reshape", h, w, WIDTH);
        } else {
            throw new IllegalArgumentException("a decoder reads a feature map or a vector, not rank " + feature.length);
        }
        for (int block = 1; block <= BLOCKS || h != height || w != width; block++) {
            residualBlock(s, "block" + block, WIDTH);
            if (h != height || w != width) {
                h = h < height ? Math.min(2 * h, height) : height;
                w = w < width ? Math.min(2 * w, width) : width;
                s.resize("block" + block + ".up", h, w);
            }
        }
        convBnRelu(s, "narrow", FINAL_WIDTH);
        s.conv("image", channels, 3, 1, true, Activation.LINEAR);
        return s.network();
    }

    /** For decoders.json. */
    static String describe() {
        return "residual decoder of equal capacity for every layer: " + BLOCKS + " blocks of " + WIDTH
                + " channels (one per doubling where more are needed), the first log2(H/h) followed by a bilinear"
                + " upsampling, then " + FINAL_WIDTH + " channels (see DecoderArchitecture)";
    }

    private static void convBnRelu(LayerStack s, String name, int filters) {
        s.conv(name + ".conv", filters, 3, 1, false, Activation.LINEAR).batchNorm(name + ".bn", BN_MOMENTUM)
                .relu(name + ".relu");
    }

    /** relu(x + bn(conv(relu(bn(conv(x)))))), all 3x3 at one width. */
    private static void residualBlock(LayerStack s, String name, int filters) {
        String shortcut = s.last();
        convBnRelu(s, name + ".a", filters);
        s.conv(name + ".b.conv", filters, 3, 1, false, Activation.LINEAR).batchNorm(name + ".b.bn", BN_MOMENTUM)
                .sum(name + ".add", shortcut, s.last()).relu(name + ".relu");
    }
}
