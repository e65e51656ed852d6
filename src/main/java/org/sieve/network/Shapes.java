package org.sieve.network;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** Static-shape helpers for building layers. */
public final class Shapes {

    private Shapes() {
    }

    static long lastDim(Operand<TFloat32> x) {
        Shape s = x.shape();
        return s.size(s.numDimensions() - 1);
    }

    /** Dimensions without the batch axis. */
    public static long[] perExample(Operand<TFloat32> x) {
        long[] all = x.shape().asArray();
        return Arrays.copyOfRange(all, 1, all.length);
    }

    static List<Long> nhwc(int[] hw) {
        return List.of(1L, (long) hw[0], (long) hw[1], 1L);
    }

    static String tfPadding(String kerasPadding) {
        return kerasPadding.equalsIgnoreCase("same") ? "SAME" : "VALID";
    }
}
