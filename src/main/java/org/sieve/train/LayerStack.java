package org.sieve.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sieve.network.Activation;
import org.sieve.network.ActivationLayer;
import org.sieve.network.BatchNormalization;
import org.sieve.network.Conv2D;
import org.sieve.network.Dense;
import org.sieve.network.Dropout;
import org.sieve.network.GlobalPooling2D;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Merge;
import org.sieve.network.Network;
import org.sieve.network.Pooling2D;
import org.sieve.network.Reshape;
import org.sieve.network.Resizing;

/**
 * Writes a network as a chain: each added layer reads the previous one unless told otherwise,
 * which keeps the architecture definitions as short as a Keras Sequential model.
 */
final class LayerStack {

    /** Keras' defaults, so the layers read back identically from model.json. */
    private static final float BN_EPSILON = 1e-3f;
    private static final float BN_MOMENTUM = 0.99f;

    private final List<Layer> layers = new ArrayList<>();
    private String last;

    LayerStack(int height, int width, int channels) {
        add(new InputLayer("input", height, width, channels));
    }

    /** The name of the most recently added layer, to branch from (residual shortcuts). */
    String last() {
        return last;
    }

    LayerStack conv(String name, int filters, int kernel, int stride, boolean bias, Activation activation) {
        return add(new Conv2D(name, in(), filters, new int[] {kernel, kernel}, new int[] {stride, stride}, "same",
                new int[] {1, 1}, bias, activation));
    }

    /** Convolution without padding, as in LeNet-5's second layer. */
    LayerStack convValid(String name, int filters, int kernel, Activation activation) {
        return add(new Conv2D(name, in(), filters, new int[] {kernel, kernel}, new int[] {1, 1}, "valid",
                new int[] {1, 1}, true, activation));
    }

    LayerStack batchNorm(String name) {
        return batchNorm(name, BN_MOMENTUM);
    }

    LayerStack batchNorm(String name, float momentum) {
        return add(new BatchNormalization(name, in(), BN_EPSILON, momentum, true, true));
    }

    LayerStack relu(String name) {
        return add(new ActivationLayer(name, in(), Activation.RELU, 0f));
    }

    LayerStack maxPool(String name, int size, int stride) {
        return add(new Pooling2D(name, in(), true, new int[] {size, size}, new int[] {stride, stride}, "valid"));
    }

    LayerStack globalAveragePool(String name) {
        return add(new GlobalPooling2D(name, in(), false));
    }

    LayerStack flatten(String name) {
        return add(Reshape.flatten(name, in()));
    }

    LayerStack dense(String name, int units, Activation activation) {
        return add(new Dense(name, in(), units, true, activation));
    }

    LayerStack reshape(String name, int... target) {
        return add(new Reshape(name, in(), target));
    }

    LayerStack resize(String name, int height, int width) {
        return add(new Resizing(name, in(), height, width, true));
    }

    LayerStack dropout(String name, float rate) {
        return add(new Dropout(name, in(), rate));
    }

    LayerStack sum(String name, String a, String b) {
        return add(new Merge(name, List.of(a, b), Merge.Mode.ADD, -1));
    }

    /** Continues the chain from an earlier layer (the start of a shortcut branch). */
    LayerStack from(String name) {
        last = name;
        return this;
    }

    Network network() {
        return new Network(layers, Map.of());
    }

    private List<String> in() {
        return List.of(last);
    }

    private LayerStack add(Layer layer) {
        layers.add(layer);
        last = layer.name();
        return this;
    }
}
