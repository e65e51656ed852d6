package org.sieve.network.format.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * Computes, while reading, the nodes whose inputs are all constants: the shape arithmetic that
 * exporters leave in a graph (Shape, Gather, Concat, Where, ...) and constants reshaped or
 * broadcast before use (a class token expanded to the batch). Nothing here depends on the image.
 */
final class OnnxFolding {

    private OnnxFolding() {
    }

    /** The node's result from constant inputs, or null when the op is not one that folds. */
    static OnnxTensor fold(OnnxNode n, List<OnnxTensor> in) {
        String out = n.output();
        return switch (n.op()) {
            case "Identity", "Dropout" -> in.get(0);
            case "Shape" -> OnnxTensor.ofInts(out, new long[] {in.get(0).dims().length}, in.get(0).dims());
            case "Cast" -> n.integer("to", TensorProto.DataType.FLOAT_VALUE) == TensorProto.DataType.FLOAT_VALUE
                    ? new OnnxTensor(out, in.get(0).dims(), in.get(0).asFloats(), null)
                    : OnnxTensor.ofInts(out, in.get(0).dims(), in.get(0).asLongs());
            case "Unsqueeze", "Squeeze", "Reshape", "Flatten" -> reshaped(out, in.get(0), OnnxShapes.target(n, in.get(0).dims(),
                    in.size() > 1 ? in.get(1) : null));
            case "Gather" -> gather(n, in.get(0), in.get(1));
            case "Concat" -> concat(n, in);
            case "ConstantOfShape" -> constantOfShape(n, in.get(0));
            case "Add" -> elementwise(out, in, Double::sum);
            case "Sub" -> elementwise(out, in, (a, b) -> a - b);
            case "Mul" -> elementwise(out, in, (a, b) -> a * b);
            case "Div" -> elementwise(out, in, (a, b) -> in.get(0).isFloat() ? a / b : Math.floorDiv((long) a, (long) b));
            case "Equal" -> elementwise(out, in, (a, b) -> a == b ? 1 : 0);
            case "Where" -> where(out, in);
            case "Expand" -> expand(out, in.get(0), in.get(1).asLongs());
            case "Slice" -> slice(n, in);
            case "Transpose" -> transpose(n, in.get(0));
            default -> null;
        };
    }

    private static OnnxTensor reshaped(String name, OnnxTensor t, long[] dims) {
        return new OnnxTensor(name, dims, t.floats(), t.ints());
    }

    private static OnnxTensor of(String name, long[] dims, double[] v, boolean floats) {
        if (floats) {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            return new OnnxTensor(name, dims, f, null);
        }
        return OnnxTensor.ofInts(name, dims, Arrays.stream(v).mapToLong(d -> (long) d).toArray());
    }

    private static OnnxTensor gather(OnnxNode n, OnnxTensor data, OnnxTensor idx) {
        if (data.dims().length != 1 || n.integer("axis", 0) != 0) {
            return null;
        }
        double[] out = new double[idx.size()];
        for (int i = 0; i < out.length; i++) {
            long k = (long) idx.at(i);
            k = k < 0 ? k + data.size() : k;
            if (k < 0 || k >= data.size()) {
                throw n.invalid("gathers index " + idx.at(i) + " from " + data.size() + " values");
            }
            out[i] = data.at((int) k);
        }
        return of(n.output(), idx.dims(), out, data.isFloat());
    }

    private static OnnxTensor concat(OnnxNode n, List<OnnxTensor> in) {
        if (in.stream().anyMatch(t -> t.dims().length != 1)) {
            return null;
        }
        double[] all = in.stream().flatMapToDouble(t -> Arrays.stream(t.asLongs()).asDoubleStream()).toArray();
        if (in.get(0).isFloat()) {
            all = in.stream().flatMapToDouble(t -> {
                float[] f = t.asFloats();
                return java.util.stream.IntStream.range(0, f.length).mapToDouble(i -> f[i]);
            }).toArray();
        }
        return of(n.output(), new long[] {all.length}, all, in.get(0).isFloat());
    }

    private static OnnxTensor constantOfShape(OnnxNode n, OnnxTensor shape) {
        long[] dims = shape.asLongs();
        int count = OnnxTensor.count(dims, n.describe() + " output", n.file());
        var a = n.tensorAttribute("value");
        OnnxTensor value = a == null ? new OnnxTensor("value", new long[] {1}, new float[] {0}, null)
                : OnnxTensor.decode(a.getT(), null, n.file());
        double[] v = new double[count];
        Arrays.fill(v, value.at(0));
        return of(n.output(), dims, v, value.isFloat());
    }

    /** Element-wise with ONNX (numpy) broadcasting. */
    private static OnnxTensor elementwise(String name, List<OnnxTensor> in, DoubleBinaryOperator f) {
        long[] dims = broadcast(in.get(0).dims(), in.get(1).dims());
        int count = (int) Arrays.stream(dims).reduce(1, Math::multiplyExact);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = f.applyAsDouble(in.get(0).at(index(i, dims, in.get(0).dims())), in.get(1).at(index(i, dims, in.get(1).dims())));
        }
        return of(name, dims, out, in.get(0).isFloat() || in.get(1).isFloat());
    }

    private static OnnxTensor where(String name, List<OnnxTensor> in) {
        long[] dims = broadcast(broadcast(in.get(0).dims(), in.get(1).dims()), in.get(2).dims());
        int count = (int) Arrays.stream(dims).reduce(1, Math::multiplyExact);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            boolean c = in.get(0).at(index(i, dims, in.get(0).dims())) != 0;
            OnnxTensor from = in.get(c ? 1 : 2);
            out[i] = from.at(index(i, dims, from.dims()));
        }
        return of(name, dims, out, in.get(1).isFloat());
    }

    private static OnnxTensor expand(String name, OnnxTensor t, long[] shape) {
        long[] dims = broadcast(t.dims(), shape);
        int count = (int) Arrays.stream(dims).reduce(1, Math::multiplyExact);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = t.at(index(i, dims, t.dims()));
        }
        return of(name, dims, out, t.isFloat());
    }

    /** ONNX Slice of a constant of any rank, negative steps included (pads reversed by an exporter). */
    private static OnnxTensor slice(OnnxNode n, List<OnnxTensor> in) {
        OnnxTensor t = in.get(0);
        long[] dims = t.dims();
        int rank = dims.length;
        long[] begin = new long[rank];
        long[] step = new long[rank];
        long[] count = dims.clone();
        Arrays.fill(step, 1);
        long[] starts = in.get(1).asLongs();
        long[] ends = in.get(2).asLongs();
        long[] axes = in.size() > 3 && in.get(3) != null ? in.get(3).asLongs() : null;
        long[] steps = in.size() > 4 && in.get(4) != null ? in.get(4).asLongs() : null;
        for (int k = 0; k < starts.length; k++) {
            int a = (int) (axes == null ? k : axes[k] < 0 ? axes[k] + rank : axes[k]);
            long s = steps == null ? 1 : steps[k];
            long size = dims[a];
            if (s == 0) {
                throw n.invalid("slices with step 0");
            }
            long b = starts[k] < 0 ? starts[k] + size : starts[k];
            long e = ends[k] < 0 ? ends[k] + size : ends[k];
            if (s > 0) {
                b = Math.max(0, Math.min(size, b));
                e = Math.max(0, Math.min(size, e));
                count[a] = Math.max(0, (e - b + s - 1) / s);
            } else {
                b = Math.max(-1, Math.min(size - 1, b));
                e = Math.max(-1, Math.min(size - 1, e));
                count[a] = Math.max(0, (b - e + (-s) - 1) / (-s));
            }
            begin[a] = b;
            step[a] = s;
        }
        int total = (int) OnnxShapes.product(count, 0, rank);
        double[] out = new double[total];
        long[] strides = new long[rank];
        long stride = 1;
        for (int a = rank - 1; a >= 0; a--) {
            strides[a] = stride;
            stride *= dims[a];
        }
        for (int i = 0; i < total; i++) {
            long rest = i;
            long at = 0;
            for (int a = rank - 1; a >= 0; a--) {
                long k = rest % count[a];
                rest /= count[a];
                at += (begin[a] + k * step[a]) * strides[a];
            }
            out[i] = t.at((int) at);
        }
        return of(n.output(), count, out, t.isFloat());
    }

    private static OnnxTensor transpose(OnnxNode n, OnnxTensor t) {
        int rank = t.dims().length;
        long[] p = n.integers("perm", null);
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = p == null ? rank - 1 - i : (int) p[i];
        }
        float[] v = TensorData.transpose(t.asFloats(), t.dims(), perm);
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return of(n.output(), TensorData.permuted(t.dims(), perm), d, t.isFloat());
    }

    private static long clamp(long i, long size) {
        long v = i < 0 ? i + size : i;
        return Math.max(0, Math.min(size, v));
    }

    static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] pa = TensorData.leftPadded(a, rank);
        long[] pb = TensorData.leftPadded(b, rank);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            if (pa[i] != pb[i] && pa[i] != 1 && pb[i] != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " do not broadcast");
            }
            out[i] = pa[i] == 1 ? pb[i] : pa[i];
        }
        return out;
    }

    /** The flat index into a tensor of {@code dims} that broadcasting reads for output element {@code flat}. */
    private static int index(int flat, long[] outDims, long[] dims) {
        long[] d = TensorData.leftPadded(dims, outDims.length);
        long at = 0;
        long rest = flat;
        long stride = 1;
        for (int i = outDims.length - 1; i >= 0; i--) {
            long k = rest % outDims[i];
            rest /= outDims[i];
            if (d[i] != 1) {
                at += k * stride;
            }
            stride *= d[i];
        }
        return (int) at;
    }
}
