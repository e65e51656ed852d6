package org.sieve.network.format.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sieve.network.OpStep;
import org.sieve.network.OpStep.Arg;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;

/**
 * The computations ONNX ops translate into, each spelt as the TensorFlow ops that compute it on
 * channels-last tensors. They exist only while a graph is imported: what is stored is the ops they
 * emit, each on {@link OpStep#COMPUTE_OPS}. Every op emitted has a gradient in TensorFlow's C++
 * registry (a padded max pooling pads with a constant mask instead of PadV2's fill value).
 */
enum OnnxKernel {
    RELU { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Relu", Map.of(), x.get(0)); } },
    SIGMOID { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Sigmoid", Map.of(), x.get(0)); } },
    TANH { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Tanh", Map.of(), x.get(0)); } },
    ERF { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Erf", Map.of(), x.get(0)); } },
    SQRT { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Sqrt", Map.of(), x.get(0)); } },
    EXP { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Exp", Map.of(), x.get(0)); } },
    LOG { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Log", Map.of(), x.get(0)); } },
    ABS { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Abs", Map.of(), x.get(0)); } },
    NEG { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Neg", Map.of(), x.get(0)); } },
    RECIPROCAL { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Reciprocal", Map.of(), x.get(0)); } },
    LEAKY_RELU { Arg expand(Emitter e, List<Arg> x, Params p) {
        return e.op("LeakyRelu", Map.of("alpha", real(p.value("alpha"))), x.get(0)); } },
    /** min(max(x, low), high), with Maximum and Minimum (whose gradients exist) rather than ClipByValue. */
    CLIP { Arg expand(Emitter e, List<Arg> x, Params p) {
        Arg y = x.get(0);
        if (p.has("low")) {
            y = e.op("Maximum", Map.of(), y, Arg.scalar((float) p.value("low")));
        }
        if (p.has("high")) {
            y = e.op("Minimum", Map.of(), y, Arg.scalar((float) p.value("high")));
        }
        return y; } },
    ADD { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Add", Map.of(), x.get(0), x.get(1)); } },
    SUB { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Sub", Map.of(), x.get(0), x.get(1)); } },
    MUL { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Mul", Map.of(), x.get(0), x.get(1)); } },
    DIV { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Div", Map.of(), x.get(0), x.get(1)); } },
    POW { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Pow", Map.of(), x.get(0), x.get(1)); } },
    MAXIMUM { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Maximum", Map.of(), x.get(0), x.get(1)); } },
    MINIMUM { Arg expand(Emitter e, List<Arg> x, Params p) { return e.op("Minimum", Map.of(), x.get(0), x.get(1)); } },
    /** Matrix product over the last two axes, earlier axes batched (Einsum, so that ranks may differ). */
    MATMUL { Arg expand(Emitter e, List<Arg> x, Params p) {
        int ra = e.shape(x.get(0)).length;
        int rb = e.shape(x.get(1)).length;
        if (ra == 2 && rb == 2) {
            return e.op("MatMul", Map.of(), x.get(0), x.get(1));
        }
        String batch = "abcdefgh".substring(0, Math.max(ra, rb) - 2);
        String a = batch.substring(batch.length() - (ra - 2)) + "ij";
        String b = batch.substring(batch.length() - (rb - 2)) + "jk";
        return e.op("Einsum", Map.of("equation", text(a + "," + b + "->" + batch + "ik")), x.get(0), x.get(1)); } },
    /** NHWC convolution, kernel HWIO; attributes strides, dilations, pads (top, left, bottom, right), groups. */
    CONV { Arg expand(Emitter e, List<Arg> x, Params p) {
        Arg in = pad(e, x.get(0), p.longs("pads"));
        int groups = p.ints("groups")[0];
        Arg y;
        if (groups == 1) {
            y = conv(e, in, x.get(1), p);
        } else {
            // TensorFlow's CPU kernels have no grouped convolution: one convolution per group.
            long inPer = e.shape(x.get(1))[2];
            long outPer = e.shape(x.get(1))[3] / groups;
            List<Arg> parts = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                parts.add(conv(e, slice(e, in, 3, g * inPer, (g + 1) * inPer),
                        slice(e, x.get(1), 3, g * outPer, (g + 1) * outPer), p));
            }
            parts.add(intScalar(3));
            y = e.op("ConcatV2", Map.of(), parts.toArray(new Arg[0]));
        }
        return x.size() > 2 ? e.op("BiasAdd", Map.of(), y, x.get(2)) : y; } },
    /**
     * NHWC transposed convolution, filter [h, w, out, in]: the gradient of a VALID convolution, at
     * "size" (h, w, channels) for the batch it is given, then cropped by pads (top, left, bottom, right).
     */
    CONV_TRANSPOSE { Arg expand(Emitter e, List<Arg> x, Params p) {
        Arg batch = e.op("StridedSlice", Map.of(), e.op("Shape", Map.of(), x.get(0)), Arg.ints(0), Arg.ints(1), Arg.ints(1));
        Arg size = e.op("ConcatV2", Map.of(), batch, Arg.ints(p.ints("size")), intScalar(0));
        Arg y = e.op("Conv2DBackpropInput", Map.of("strides", ints(nhwc(p.longs("strides"))), "padding", text("VALID")),
                size, x.get(1), x.get(0));
        long[] pads = p.longs("pads");
        if (Arrays.stream(pads).anyMatch(v -> v != 0)) {
            int[] size0 = p.ints("size");
            y = e.op("StridedSlice", Map.of("begin_mask", integer(0b1001), "end_mask", integer(0b1001)), y,
                    Arg.ints(0, (int) pads[0], (int) pads[1], 0),
                    Arg.ints(0, size0[0] - (int) pads[2], size0[1] - (int) pads[3], 0), Arg.ints(1, 1, 1, 1));
        }
        return x.size() > 2 ? e.op("BiasAdd", Map.of(), y, x.get(2)) : y; } },
    /** NHWC depthwise convolution, kernel [h, w, channels, multiplier]; attributes as CONV. */
    DEPTHWISE_CONV { Arg expand(Emitter e, List<Arg> x, Params p) {
        Arg y = e.op("DepthwiseConv2dNative", Map.of("strides", ints(nhwc(p.longs("strides"))), "padding", text("VALID"),
                "dilations", ints(nhwc(p.longs("dilations")))), pad(e, x.get(0), p.longs("pads")), x.get(1));
        return x.size() > 2 ? e.op("BiasAdd", Map.of(), y, x.get(2)) : y; } },
    /** NHWC max pooling; pads (top, left, bottom, right) never win the maximum. */
    MAX_POOL { Arg expand(Emitter e, List<Arg> x, Params p) {
        Arg in = x.get(0);
        long[] pads = p.longs("pads");
        if (Arrays.stream(pads).anyMatch(v -> v != 0)) {
            Arg inside = pad(e, ones(e, in), pads);
            Arg mask = e.op("Mul", Map.of(), e.op("Sub", Map.of(), inside, Arg.scalar(1f)), Arg.scalar(Float.MAX_VALUE));
            in = e.op("Add", Map.of(), pad(e, in, pads), mask);
        }
        return e.op("MaxPool", Map.of("ksize", ints(nhwc(p.longs("kernel"))), "strides", ints(nhwc(p.longs("strides"))),
                "padding", text("VALID")), in); } },
    /** NHWC average pooling over zero-padded windows; with count_pad 0, over the window's part inside the map. */
    AVG_POOL { Arg expand(Emitter e, List<Arg> x, Params p) {
        long[] pads = p.longs("pads");
        Arg y = avg(e, pad(e, x.get(0), pads), p);
        if (p.value("count_pad") == 0 && Arrays.stream(pads).anyMatch(v -> v != 0)) {
            y = e.op("Div", Map.of(), y, avg(e, pad(e, ones(e, x.get(0)), pads), p));
        }
        return y; } },
    REDUCE_MEAN { Arg expand(Emitter e, List<Arg> x, Params p) { return reduce(e, "Mean", x.get(0), p); } },
    REDUCE_SUM { Arg expand(Emitter e, List<Arg> x, Params p) { return reduce(e, "Sum", x.get(0), p); } },
    REDUCE_MAX { Arg expand(Emitter e, List<Arg> x, Params p) { return reduce(e, "Max", x.get(0), p); } },
    /** x * scale + offset. */
    SCALE { Arg expand(Emitter e, List<Arg> x, Params p) {
        Arg y = x.get(0);
        if (p.value("scale") != 1) {
            y = e.op("Mul", Map.of(), y, Arg.scalar((float) p.value("scale")));
        }
        return p.value("offset") == 0 ? y : e.op("Add", Map.of(), y, Arg.scalar((float) p.value("offset"))); } },
    /** Softmax along one axis (TensorFlow's is along the last: others are transposed there and back). */
    SOFTMAX { Arg expand(Emitter e, List<Arg> x, Params p) {
        int rank = e.shape(x.get(0)).length;
        int axis = p.ints("axis")[0];
        if (axis == rank - 1) {
            return e.op("Softmax", Map.of(), x.get(0));
        }
        int[] perm = OnnxSteps.identity(rank);
        perm[axis] = rank - 1;
        perm[rank - 1] = axis;
        Arg there = e.op("Transpose", Map.of(), x.get(0), Arg.ints(perm));
        return e.op("Transpose", Map.of(), e.op("Softmax", Map.of(), there), Arg.ints(perm)); } },
    TRANSPOSE { Arg expand(Emitter e, List<Arg> x, Params p) {
        return e.op("Transpose", Map.of(), x.get(0), Arg.ints(p.ints("perm"))); } },
    /** Reshape to fixed sizes, -1 on the batch axis. */
    RESHAPE { Arg expand(Emitter e, List<Arg> x, Params p) {
        return e.op("Reshape", Map.of(), x.get(0), longs(p.longs("shape"))); } },
    CONCAT { Arg expand(Emitter e, List<Arg> x, Params p) {
        if (x.size() == 1) {
            return x.get(0);
        }
        List<Arg> args = new ArrayList<>(x);
        args.add(intScalar(p.ints("axis")[0]));
        return e.op("ConcatV2", Map.of(), args.toArray(new Arg[0])); } },
    /** begin, end and step per axis; "whole" marks axes kept whole (the batch), "drop" axes of one index removed. */
    SLICE { Arg expand(Emitter e, List<Arg> x, Params p) {
        long whole = (long) p.value("whole");
        return e.op("StridedSlice", Map.of("begin_mask", integer(whole), "end_mask", integer(whole),
                "shrink_axis_mask", integer((long) p.value("drop"))), x.get(0), Arg.ints(p.ints("begin")),
                Arg.ints(p.ints("end")), Arg.ints(p.ints("step"))); } },
    /** Constant padding: pads are (before, after) per axis. */
    PAD { Arg expand(Emitter e, List<Arg> x, Params p) {
        Arg pairs = pairs(p.ints("pads"));
        Arg y = e.op("PadV2", Map.of(), x.get(0), pairs, Arg.scalar(0f));
        float value = (float) p.value("value");
        if (value == 0) {
            return y;
        }
        Arg inside = e.op("PadV2", Map.of(), ones(e, x.get(0)), pairs, Arg.scalar(0f));
        Arg outside = e.op("Mul", Map.of(), e.op("Sub", Map.of(), Arg.scalar(1f), inside), Arg.scalar(value));
        return e.op("Add", Map.of(), y, outside); } },
    /** NHWC resize to size (h, w): bilinear with half-pixel centres, or nearest with floor of asymmetric coordinates. */
    RESIZE { Arg expand(Emitter e, List<Arg> x, Params p) {
        boolean bilinear = p.value("bilinear") != 0;
        return e.op(bilinear ? "ResizeBilinear" : "ResizeNearestNeighbor", Map.of("half_pixel_centers", bool(bilinear)),
                x.get(0), Arg.ints(p.ints("size"))); } },
    /** A constant (first argument) repeated along the batch axis ("axis") of the second argument. */
    BATCH_LIKE { Arg expand(Emitter e, List<Arg> x, Params p) {
        int rank = e.shape(x.get(1)).length;
        int axis = p.ints("axis")[0];
        int[] end = new int[rank];
        Arrays.fill(end, 1);
        Arg one = e.op("StridedSlice", Map.of("begin_mask", integer(1L << axis), "end_mask", integer(1L << axis)),
                x.get(1), Arg.ints(new int[rank]), Arg.ints(end), Arg.ints(ones(rank)));
        return e.op("Add", Map.of(), x.get(0), e.op("Mul", Map.of(), one, Arg.scalar(0f))); } },
    /**
     * Channels to blocks of pixels. TensorFlow's order is ONNX's DCR; for CRD (PyTorch's
     * PixelShuffle) the channels are first regrouped from (channel, block) to (block, channel).
     */
    DEPTH_TO_SPACE { Arg expand(Emitter e, List<Arg> x, Params p) {
        long block = (long) p.value("block");
        Arg in = x.get(0);
        if (p.value("crd") != 0) {
            long[] s = e.shape(in);
            Arg split = e.op("Reshape", Map.of(), in, longs(-1, s[1], s[2], s[3] / (block * block), block * block));
            Arg swapped = e.op("Transpose", Map.of(), split, Arg.ints(0, 1, 2, 4, 3));
            in = e.op("Reshape", Map.of(), swapped, longs(-1, s[1], s[2], s[3]));
        }
        return e.op("DepthToSpace", Map.of("block_size", integer(block)), in); } },
    SPACE_TO_DEPTH { Arg expand(Emitter e, List<Arg> x, Params p) {
        return e.op("SpaceToDepth", Map.of("block_size", integer((long) p.value("block"))), x.get(0)); } };

    /** Where a kernel's ops go: each is added at once, so later ops can read the shapes before it. */
    interface Emitter {

        /** Adds op {@code type} on {@code args} and returns a reference to its result. */
        Arg op(String type, Map<String, AttrValue> attrs, Arg... args);

        /** The static shape (batch 1) of an argument. */
        long[] shape(Arg x);
    }

    /** A kernel's numeric attributes, by name. */
    record Params(Map<String, double[]> values) {

        boolean has(String key) {
            return values.containsKey(key);
        }

        double value(String key) {
            return get(key)[0];
        }

        long[] longs(String key) {
            return Arrays.stream(get(key)).mapToLong(v -> (long) v).toArray();
        }

        int[] ints(String key) {
            return Arrays.stream(get(key)).mapToInt(v -> (int) v).toArray();
        }

        private double[] get(String key) {
            double[] v = values.get(key);
            if (v == null) {
                throw new IllegalArgumentException("a translated op lacks attribute '" + key + "'");
            }
            return v;
        }
    }

    /** Emits this computation on {@code x} and returns its result. */
    abstract Arg expand(Emitter e, List<Arg> x, Params p);

    private static Arg conv(Emitter e, Arg x, Arg kernel, Params p) {
        return e.op("Conv2D", Map.of("strides", ints(nhwc(p.longs("strides"))), "padding", text("VALID"),
                "dilations", ints(nhwc(p.longs("dilations")))), x, kernel);
    }

    private static Arg avg(Emitter e, Arg x, Params p) {
        return e.op("AvgPool", Map.of("ksize", ints(nhwc(p.longs("kernel"))), "strides", ints(nhwc(p.longs("strides"))),
                "padding", text("VALID")), x);
    }

    private static Arg reduce(Emitter e, String op, Arg x, Params p) {
        return e.op(op, Map.of("keep_dims", bool(p.value("keep") != 0)), x, Arg.ints(p.ints("axes")));
    }

    /** Zero-pads the spatial axes of an NHWC tensor by (top, left, bottom, right). */
    private static Arg pad(Emitter e, Arg x, long[] tlbr) {
        if (Arrays.stream(tlbr).allMatch(v -> v == 0)) {
            return x;
        }
        return e.op("PadV2", Map.of(), x, pairs(new int[] {0, 0, (int) tlbr[0], (int) tlbr[2], (int) tlbr[1],
                (int) tlbr[3], 0, 0}), Arg.scalar(0f));
    }

    /** Ones of one example's shape: a constant, so that no gradient flows through it. */
    private static Arg ones(Emitter e, Arg x) {
        long[] shape = e.shape(x).clone();
        shape[0] = 1;
        return e.op("Fill", Map.of(), Arg.constant(new long[] {shape.length}, DataType.DT_INT64, shape), Arg.scalar(1f));
    }

    private static Arg slice(Emitter e, Arg x, int axis, long from, long to) {
        int rank = e.shape(x).length;
        int[] begin = new int[rank];
        int[] end = new int[rank];
        begin[axis] = (int) from;
        end[axis] = (int) to;
        long whole = ((1L << rank) - 1) & ~(1L << axis);
        return e.op("StridedSlice", Map.of("begin_mask", integer(whole), "end_mask", integer(whole)), x, Arg.ints(begin),
                Arg.ints(end), Arg.ints(ones(rank)));
    }

    private static Arg longs(long... v) {
        return Arg.constant(new long[] {v.length}, DataType.DT_INT64, v);
    }

    private static Arg intScalar(int v) {
        return Arg.constant(new long[0], DataType.DT_INT32, new long[] {v});
    }

    private static int[] ones(int n) {
        int[] v = new int[n];
        Arrays.fill(v, 1);
        return v;
    }

    /** (before, after) per axis as TensorFlow's [axes, 2] paddings. */
    private static Arg pairs(int[] p) {
        return Arg.constant(new long[] {p.length / 2, 2}, DataType.DT_INT32, Arrays.stream(p).asLongStream().toArray());
    }

    private static long[] nhwc(long[] hw) {
        return new long[] {1, hw[0], hw[1], 1};
    }

    private static AttrValue ints(long... v) {
        AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
        Arrays.stream(v).forEach(list::addI);
        return AttrValue.newBuilder().setList(list).build();
    }

    private static AttrValue integer(long v) {
        return AttrValue.newBuilder().setI(v).build();
    }

    private static AttrValue real(double v) {
        return AttrValue.newBuilder().setF((float) v).build();
    }

    private static AttrValue bool(boolean v) {
        return AttrValue.newBuilder().setB(v).build();
    }

    private static AttrValue text(String v) {
        return AttrValue.newBuilder().setS(com.google.protobuf.ByteString.copyFromUtf8(v)).build();
    }
}
