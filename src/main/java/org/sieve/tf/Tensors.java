package org.sieve.tf;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Copies between Java arrays and small tensors. */
public final class Tensors {

    private Tensors() {
    }

    public static TFloat32 of(float[] values, long... shape) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    public static TInt64 of(long[] values) {
        return TInt64.vectorOf(values);
    }

    public static TInt64 scalar(long value) {
        return TInt64.scalarOf(value);
    }

    public static TBool of(boolean[] values) {
        return TBool.vectorOf(values);
    }

    /** All values of a float tensor, row-major. */
    public static float[] floats(Tensor t) {
        TFloat32 f = (TFloat32) t;
        float[] out = new float[(int) f.size()];
        f.asRawTensor().data().asFloats().read(out);
        return out;
    }
}
