package org.sieve.train;

import org.sieve.network.Activation;
import org.sieve.network.Network;

/**
 * The decoder R_l of metric 2 (METHOD.md section 3): rebuilds the image, in pixel space, from
 * phi(f_l(x)). Residual like the reference decoder but much smaller, so that a decoder for every
 * layer of every bundled model trains on a CPU (ours): a stem convolution at the feature's
 * resolution, then per doubling one {@link #WIDTH}-channel residual block and a bilinear
 * upsampling, a narrowing convolution at the image's resolution, and a linear 3x3 convolution
 * to the image's channels. A feature vector (a dense layer) is first projected to a
 * WIDTH-channel map of a quarter of the image's size.
 */
public final class DecoderArchitecture {

    static final int WIDTH = 32;
    static final int FINAL_WIDTH = 16;
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
            convBnRelu(s, "stem", h == height && w == width ? FINAL_WIDTH : WIDTH);
        } else if (feature.length == 1) {
            h = Math.max(1, (height + 3) / 4);
            w = Math.max(1, (width + 3) / 4);
            s = new LayerStack(1, 1, (int) feature[0]);
            s.flatten("stem.flatten").dense("stem.dense", h * w * WIDTH, Activation.RELU)
                    .reshape("stem.reshape", h, w, WIDTH);
        } else {
            throw new IllegalArgumentException("a decoder reads a feature map or a vector, not rank " + feature.length);
        }
        for (int stage = 1; h != height || w != width; stage++) {
            residualBlock(s, "stage" + stage, WIDTH);
            h = h < height ? Math.min(2 * h, height) : height;
            w = w < width ? Math.min(2 * w, width) : width;
            s.resize("stage" + stage + ".up", h, w);
            if (h == height && w == width) {
                convBnRelu(s, "narrow", FINAL_WIDTH);
            }
        }
        s.conv("image", channels, 3, 1, true, Activation.LINEAR);
        return s.network();
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
