package org.sieve.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sieve.network.WeightInit;

/**
 * Draws a weight's starting values in Java rather than with TensorFlow's random ops, so that
 * they depend only on the seed and the weight's name, never on the order the graph is built in.
 */
final class InitialValues {

    private InitialValues() {
    }

    static float[] draw(String key, long[] shape, WeightInit init, long seed) {
        int size = 1;
        for (long d : shape) {
            size = Math.multiplyExact(size, (int) d);
        }
        float[] values = new float[size];
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key.hashCode());
        switch (init) {
            case ZEROS -> { }
            case ONES -> Arrays.fill(values, 1f);
            case GLOROT_UNIFORM -> {
                double limit = Math.sqrt(6.0 / (fanIn(shape) + fanOut(shape)));
                for (int i = 0; i < size; i++) {
                    values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
                }
            }
            case HE_NORMAL -> {
                double std = Math.sqrt(2.0 / fanIn(shape));
                for (int i = 0; i < size; i++) {
                    values[i] = (float) (random.nextGaussian() * std);
                }
            }
        }
        return values;
    }

    /** Kernels are [in, out] (dense) or [h, w, in, out] (conv): Keras' fan rules. */
    private static double fanIn(long[] shape) {
        return shape.length < 2 ? shape[0] : receptiveField(shape) * shape[shape.length - 2];
    }

    private static double fanOut(long[] shape) {
        return shape.length < 2 ? shape[0] : receptiveField(shape) * shape[shape.length - 1];
    }

    private static double receptiveField(long[] shape) {
        double r = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            r *= shape[i];
        }
        return r;
    }
}
