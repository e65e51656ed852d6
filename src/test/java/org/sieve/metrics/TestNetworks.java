package org.sieve.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sieve.network.Activation;
import org.sieve.network.Conv2D;
import org.sieve.network.Dense;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.Pooling2D;
import org.sieve.network.Rescaling;
import org.sieve.network.Reshape;
import org.sieve.network.WeightTensor;

/** Small networks whose information discarding is known in advance. */
public final class TestNetworks {

    public static final int SIZE = 12;

    private TestNetworks() {
    }

    /** The input passed through unchanged: sigma must come out uniform. */
    public static Network identity() {
        return new Network(List.of(input(1), new Rescaling("identity", List.of("input"), 1f, 0f)), Map.of());
    }

    /**
     * A layer that multiplies the input by a fixed 0/1 mask (a diagonal dense layer): the masked
     * region is ignored completely, so its sigma must reach the upper bound.
     */
    public static Network masking(boolean[] keep) {
        int n = SIZE * SIZE;
        float[] kernel = new float[n * n];
        for (int i = 0; i < n; i++) {
            kernel[i * n + i] = keep[i] ? 1f : 0f;
        }
        List<Layer> layers = List.of(input(1), Reshape.flatten("flatten", List.of("input")),
                new Dense("masked", List.of("flatten"), n, false, Activation.LINEAR));
        return new Network(layers, Map.of("masked/kernel", new WeightTensor(new long[] {n, n}, kernel)));
    }

    /**
     * One dense layer over the input's thirds, by column: the left third passed through, the
     * middle third mixed by random weights whose every input has unit norm, the right third
     * ignored. Every pixel of the first two thirds changes the output's energy equally, so the
     * optimal sigma is the same on both; only the noise of its estimate differs (the mixed
     * pixels' gradients carry every other mixed pixel's draws).
     */
    public static Network passMixIgnore(long seed) {
        int n = SIZE * SIZE;
        Random random = new Random(seed);
        float[] kernel = new float[n * n];
        for (int i = 0; i < n; i++) {
            int third = (i % SIZE) * 3 / SIZE;
            if (third == 0) {
                kernel[i * n + i] = 1f;
            } else if (third == 1) {
                double norm = 0;
                for (int j = 0; j < n; j++) {
                    if ((j % SIZE) * 3 / SIZE == 1) {
                        kernel[i * n + j] = (float) random.nextGaussian();
                        norm += kernel[i * n + j] * kernel[i * n + j];
                    }
                }
                for (int j = 0; j < n; j++) {
                    kernel[i * n + j] /= (float) Math.sqrt(norm);
                }
            }
        }
        List<Layer> layers = List.of(input(1), Reshape.flatten("flatten", List.of("input")),
                new Dense("mixed", List.of("flatten"), n, false, Activation.LINEAR));
        return new Network(layers, Map.of("mixed/kernel", new WeightTensor(new long[] {n, n}, kernel)));
    }

    /** conv -> pool -> conv with random weights, its conv layers scaled by {@code scale}. */
    public static Network convStack(float scale, long seed) {
        Random random = new Random(seed);
        Map<String, WeightTensor> w = new LinkedHashMap<>();
        w.put("conv1/kernel", random(random, scale, 3, 3, 1, 4));
        w.put("conv1/bias", random(random, scale, 4));
        w.put("conv2/kernel", random(random, scale, 3, 3, 4, 6));
        w.put("conv2/bias", random(random, scale, 6));
        List<Layer> layers = List.of(input(1),
                new Conv2D("conv1", List.of("input"), 4, new int[] {3, 3}, new int[] {1, 1}, "same",
                        new int[] {1, 1}, true, Activation.LINEAR),
                new Pooling2D("pool1", List.of("conv1"), true, new int[] {2, 2}, new int[] {2, 2}, "valid"),
                new Conv2D("conv2", List.of("pool1"), 6, new int[] {3, 3}, new int[] {1, 1}, "same",
                        new int[] {1, 1}, true, Activation.LINEAR));
        return new Network(layers, w);
    }

    /** conv1 beside a branch whose output overflows float32 under any noise. */
    public static Network withOverflow() {
        Network conv = convStack(1f, 11);
        List<Layer> layers = new java.util.ArrayList<>(conv.layers().subList(0, 2));
        layers.add(new Rescaling("huge", List.of("input"), 1e30f, 0f));
        layers.add(new org.sieve.network.Merge("overflow", List.of("huge", "huge"),
                org.sieve.network.Merge.Mode.MULTIPLY, -1));
        return new Network(layers, conv.weights());
    }

    public static InputLayer input(int channels) {
        return new InputLayer("input", SIZE, SIZE, channels);
    }

    /** A smooth test image in [0.2, 0.8] so that noise rarely crosses ReLU's kink at zero. */
    public static float[] image() {
        float[] px = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                px[y * SIZE + x] = (float) (0.5 + 0.3 * Math.sin(0.7 * x) * Math.cos(0.5 * y));
            }
        }
        return px;
    }

    private static WeightTensor random(Random random, float scale, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (float) random.nextGaussian() * 0.5f;
        }
        return new WeightTensor(shape, v);
    }
}
