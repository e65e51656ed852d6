package org.sieve.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Adds a network to a TensorFlow graph on any input tensor, exposing every layer's output. */
public final class GraphBuilder {

    private GraphBuilder() {
    }

    /**
     * Builds the layers needed for {@code wanted} (and nothing deeper) on {@code input}, which is
     * already in the network's own input space.
     *
     * @return every built layer's output by name, in network order
     */
    public static Map<String, Operand<TFloat32>> build(Network network, BuildContext ctx,
            Operand<TFloat32> input, Collection<String> wanted) {
        Map<String, Operand<TFloat32>> taps = new LinkedHashMap<>();
        for (Layer layer : network.ancestorsOf(wanted)) {
            List<Operand<TFloat32>> in = new ArrayList<>();
            if (layer instanceof InputLayer) {
                in.add(input);
            }
            for (String name : layer.inputs()) {
                in.add(taps.get(name));
            }
            taps.put(layer.name(), layer.build(ctx, in));
        }
        return taps;
    }

    /** Builds the whole network. */
    public static Map<String, Operand<TFloat32>> build(Network network, BuildContext ctx, Operand<TFloat32> input) {
        return build(network, ctx, input, List.of(network.output().name()));
    }
}
