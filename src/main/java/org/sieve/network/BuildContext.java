package org.sieve.network;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a layer needs while it adds itself to a TensorFlow graph. Analysis binds weights as
 * constants; training binds them as variables and collects the layers' state updates.
 */
public interface BuildContext {

    Ops tf();

    /** The weight {@code layer/name} with the given shape, created with {@code init} if new. */
    Operand<TFloat32> weight(String layer, String name, long[] shape, WeightInit init);

    /** True while training: batch norm uses batch statistics, dropout drops. */
    default boolean training() {
        return false;
    }

    /** Seed of the random ops a layer adds while training (dropout masks), for reproducible runs. */
    default long seed() {
        return 0;
    }

    /** Registers an op to run with every training step (batch norm's moving statistics). */
    default void addUpdate(String layer, String name, Operand<TFloat32> newValue) {
        throw new UnsupportedOperationException("state updates exist only while training");
    }
}
