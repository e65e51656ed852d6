package org.sieve.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sieve.SieveException;
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
            taps.put(layer.name(), built(layer, ctx, in));
        }
        return taps;
    }

    /**
     * One layer's output, checked to hold values: a layer TensorFlow refuses (a zero stride, a
     * window larger than its input) fails here, naming the layer, rather than in a computation.
     */
    public static Operand<TFloat32> built(Layer layer, BuildContext ctx, List<Operand<TFloat32>> in) {
        Operand<TFloat32> out;
        try {
            out = layer.build(ctx, in);
        } catch (SieveException e) {
            throw e;
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceFirst(
                    " for '\\{\\{node .*", "");
            throw new SieveException("Layer '" + layer.name() + "' (" + layer.kind() + ") cannot be built on "
                    + shapes(in) + ": " + reason + ". The model is damaged or its input too small for it.", e);
        }
        long[] shape = Shapes.perExample(out);
        if (Arrays.stream(shape).anyMatch(d -> d == 0)) {
            throw new SieveException("Layer '" + layer.name() + "' (" + layer.kind() + ") gives an output of shape "
                    + Arrays.toString(shape) + " from " + shapes(in) + ", which holds no values: the input is too"
                    + " small for the network.");
        }
        return out;
    }

    private static String shapes(List<Operand<TFloat32>> in) {
        return in.stream().map(o -> Arrays.toString(Shapes.perExample(o))).collect(Collectors.joining(" and "));
    }

    /** Builds the whole network. */
    public static Map<String, Operand<TFloat32>> build(Network network, BuildContext ctx, Operand<TFloat32> input) {
        return build(network, ctx, input, List.of(network.output().name()));
    }
}
