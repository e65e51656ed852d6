package org.sieve.network;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.sieve.SieveException;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Binds a trained network's weights as graph constants, checking every shape. Each weight
 * becomes one constant however often the network is built into the same graph.
 */
public final class ConstantWeights implements BuildContext {

    private final Ops tf;
    private final Network network;
    private final Map<String, Operand<TFloat32>> constants = new HashMap<>();

    public ConstantWeights(Ops tf, Network network) {
        this.tf = tf;
        this.network = network;
    }

    @Override
    public Ops tf() {
        return tf;
    }

    @Override
    public Operand<TFloat32> weight(String layer, String name, long[] shape, WeightInit init) {
        String key = layer + "/" + name;
        WeightTensor w = network.weights().get(key);
        if (w == null) {
            throw new SieveException("The model has no weight '" + key + "' for layer '" + layer
                    + "'. The weights file does not match the model topology.");
        }
        if (!Arrays.equals(w.shape(), shape)) {
            throw new SieveException("Weight '" + key + "' has shape " + Arrays.toString(w.shape())
                    + " but layer '" + layer + "' needs " + Arrays.toString(shape)
                    + ". The weights file does not match the model topology.");
        }
        return constants.computeIfAbsent(key,
                k -> tf.constant(Shape.of(shape), DataBuffers.of(w.values(), true, false)));
    }
}
