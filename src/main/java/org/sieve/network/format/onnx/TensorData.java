package org.sieve.network.format.onnx;

/** Row-major float data rearranged while reading: axes permuted, ONNX broadcasting made explicit. */
final class TensorData {

    private TensorData() {
    }

    /** {@code values} of shape {@code dims} with its axes reordered: result axis i is input axis perm[i]. */
    static float[] transpose(float[] values, long[] dims, int[] perm) {
        int rank = dims.length;
        long[] outDims = permuted(dims, perm);
        long[] inStrides = strides(dims);
        float[] out = new float[values.length];
        int[] index = new int[rank];
        for (int o = 0; o < out.length; o++) {
            long at = 0;
            for (int i = 0; i < rank; i++) {
                at += index[i] * inStrides[perm[i]];
            }
            out[o] = values[(int) at];
            for (int i = rank - 1; i >= 0; i--) {
                if (++index[i] < outDims[i]) {
                    break;
                }
                index[i] = 0;
            }
        }
        return out;
    }

    static long[] permuted(long[] dims, int[] perm) {
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = dims[perm[i]];
        }
        return out;
    }

    /** The shape with ones prepended up to {@code rank}, as ONNX broadcasting aligns trailing axes. */
    static long[] leftPadded(long[] dims, int rank) {
        long[] out = new long[Math.max(rank, dims.length)];
        java.util.Arrays.fill(out, 1);
        System.arraycopy(dims, 0, out, out.length - dims.length, dims.length);
        return out;
    }

    private static long[] strides(long[] dims) {
        long[] s = new long[dims.length];
        long step = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = step;
            step *= dims[i];
        }
        return s;
    }
}
