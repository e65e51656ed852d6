package org.sieve.network;

import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * One node of a network's layer DAG. A layer knows how to add itself to a TensorFlow graph on
 * any input tensors (batch first, NHWC); output shapes are read off the built graph, so no
 * layer repeats TensorFlow's shape rules.
 */
public interface Layer {

    /** Kinds that count as convolutions: the explorer's "Convolutions" pick and {@code --layers conv}. */
    Set<String> CONVOLUTION_KINDS = Set.of("Conv2D", "DepthwiseConv2D", "SeparableConv2D");

    String name();

    /** Names of the layers whose outputs feed this one, in order. */
    List<String> inputs();

    /** Keras class name, as written in model.json. */
    String kind();

    Operand<TFloat32> build(BuildContext ctx, List<Operand<TFloat32>> in);

    /** Convenience for single-input layers. */
    static Operand<TFloat32> only(String layer, List<Operand<TFloat32>> in) {
        if (in.size() != 1) {
            throw new IllegalArgumentException("layer " + layer + " takes one input, got " + in.size());
        }
        return in.get(0);
    }
}
