package org.sieve.network;

import java.util.Arrays;

/** A named weight's values, row-major in TensorFlow's layout (e.g. conv kernels HWIO). */
public record WeightTensor(long[] shape, float[] values) {

    public WeightTensor {
        if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape)
                    + " does not hold " + values.length + " values");
        }
    }

    public int size() {
        return values.length;
    }
}
