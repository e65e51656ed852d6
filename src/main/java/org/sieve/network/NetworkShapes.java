package org.sieve.network;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sieve.tf.TensorFlowRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Every layer's output shape (without the batch axis), read off a graph built once. */
public final class NetworkShapes {

    private NetworkShapes() {
    }

    /** The shapes of the layers the output depends on. */
    public static Map<String, long[]> of(Network network) {
        return of(network, List.of(network.output().name()));
    }

    /** The shapes of the layers {@code wanted} depend on, themselves included. */
    public static Map<String, long[]> of(Network network, Collection<String> wanted) {
        InputLayer in = network.input();
        try (Graph graph = TensorFlowRuntime.get().newGraph()) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> x = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(1, in.height(), in.width(), in.channels())));
            Map<String, long[]> shapes = new LinkedHashMap<>();
            GraphBuilder.build(network, new ConstantWeights(tf, network), x, wanted).forEach((name, out) -> {
                long[] s = out.shape().asArray();
                shapes.put(name, Arrays.copyOfRange(s, 1, s.length));
            });
            return shapes;
        }
    }
}
