package org.sieve.network.format;

import java.util.ArrayList;
import java.util.List;
import org.sieve.network.BatchNormalization;
import org.sieve.network.Conv2D;
import org.sieve.network.Dense;
import org.sieve.network.DepthwiseConv2D;
import org.sieve.network.Layer;
import org.sieve.network.Normalization;
import org.sieve.network.OpGraphLayer;
import org.sieve.network.PRelu;

/** Which weights each layer type stores, in Keras' order, and the shape each must have. */
final class LayerWeights {

    /** A size that only the graph can check (it depends on the layer's input). */
    static final long ANY = -1;

    private LayerWeights() {
    }

    static List<String> names(Layer layer) {
        if (layer instanceof Conv2D l) {
            return l.useBias() ? List.of("kernel", "bias") : List.of("kernel");
        }
        if (layer instanceof DepthwiseConv2D l) {
            return l.useBias() ? List.of("depthwise_kernel", "bias") : List.of("depthwise_kernel");
        }
        if (layer instanceof Dense l) {
            return l.useBias() ? List.of("kernel", "bias") : List.of("kernel");
        }
        if (layer instanceof BatchNormalization l) {
            List<String> names = new ArrayList<>();
            if (l.scale()) {
                names.add("gamma");
            }
            if (l.center()) {
                names.add("beta");
            }
            names.add("moving_mean");
            names.add("moving_variance");
            return names;
        }
        if (layer instanceof Normalization) {
            return List.of("mean", "variance");
        }
        if (layer instanceof PRelu) {
            return List.of("alpha");
        }
        if (layer instanceof OpGraphLayer l) {
            return List.copyOf(l.weights().keySet());
        }
        return List.of();
    }

    /** The expected shape, {@link #ANY} where the size depends on the layer's input. */
    static long[] shape(Layer layer, String weight) {
        if (layer instanceof Conv2D l) {
            return weight.equals("kernel") ? new long[] {l.kernel()[0], l.kernel()[1], ANY, l.filters()}
                    : new long[] {l.filters()};
        }
        if (layer instanceof DepthwiseConv2D l) {
            return weight.equals("depthwise_kernel")
                    ? new long[] {l.kernel()[0], l.kernel()[1], ANY, l.depthMultiplier()} : new long[] {ANY};
        }
        if (layer instanceof Dense l) {
            return weight.equals("kernel") ? new long[] {ANY, l.units()} : new long[] {l.units()};
        }
        if (layer instanceof OpGraphLayer l) {
            return l.weights().get(weight);
        }
        return new long[] {ANY};
    }

    /** Batch norm and normalisation keep one value per channel in every weight. */
    static boolean perChannel(Layer layer) {
        return layer instanceof BatchNormalization || layer instanceof Normalization || layer instanceof PRelu;
    }
}
