package org.sieve.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.DepthwiseConv2dNative;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * The TensorFlow ops an imported graph may use, each a pure computation on float tensors: no
 * file, network, state or control flow. This is the allowlist a stored op graph is checked
 * against. Every op here has a gradient in TensorFlow's C++ registry, or is written with ops that
 * have one (a padded max pooling pads with a constant mask instead of PadV2). Spatial ops take
 * channels-last tensors.
 */
public enum TensorOp {
    RELU { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.nn.relu(x.get(0)); } },
    SIGMOID { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.sigmoid(x.get(0)); } },
    TANH { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.tanh(x.get(0)); } },
    ERF { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.erf(x.get(0)); } },
    SQRT { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.sqrt(x.get(0)); } },
    EXP { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.exp(x.get(0)); } },
    LOG { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.log(x.get(0)); } },
    ABS { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.abs(x.get(0)); } },
    NEG { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.neg(x.get(0)); } },
    RECIPROCAL { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.math.reciprocal(x.get(0)); } },
    LEAKY_RELU { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.nn.leakyRelu(x.get(0), LeakyRelu.alpha((float) s.value("alpha"))); } },
    /** min(max(x, low), high), with maximum and minimum (whose gradients exist) rather than ClipByValue. */
    CLIP { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        Operand<TFloat32> y = x.get(0);
        if (s.attributes().containsKey("low")) {
            y = tf.math.maximum(y, tf.constant((float) s.value("low")));
        }
        if (s.attributes().containsKey("high")) {
            y = tf.math.minimum(y, tf.constant((float) s.value("high")));
        }
        return y; } },
    ADD { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.add(x.get(0), x.get(1)); } },
    SUB { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.sub(x.get(0), x.get(1)); } },
    MUL { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.mul(x.get(0), x.get(1)); } },
    DIV { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.div(x.get(0), x.get(1)); } },
    POW { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) { return tf.math.pow(x.get(0), x.get(1)); } },
    MAXIMUM { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.math.maximum(x.get(0), x.get(1)); } },
    MINIMUM { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.math.minimum(x.get(0), x.get(1)); } },
    /** Matrix product over the last two axes, earlier axes batched (einsum, so that ranks may differ). */
    MATMUL { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        int ra = x.get(0).shape().numDimensions();
        int rb = x.get(1).shape().numDimensions();
        if (ra == 2 && rb == 2) {
            return tf.linalg.matMul(x.get(0), x.get(1));
        }
        String batch = "abcdefgh".substring(0, Math.max(ra, rb) - 2);
        String a = batch.substring(batch.length() - (ra - 2)) + "ij";
        String b = batch.substring(batch.length() - (rb - 2)) + "jk";
        return tf.linalg.einsum(List.of(x.get(0), x.get(1)), a + "," + b + "->" + batch + "ik"); } },
    /** NHWC convolution, kernel HWIO; attributes strides, dilations, pads (top, left, bottom, right), groups. */
    CONV { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        Operand<TFloat32> in = pad(tf, x.get(0), s.longs("pads"), 0f);
        int groups = s.ints("groups")[0];
        Operand<TFloat32> y;
        if (groups == 1) {
            y = conv(tf, in, x.get(1), s);
        } else {
            // TensorFlow's CPU kernels have no grouped convolution: one convolution per group.
            long inPer = x.get(1).shape().size(2);
            long outPer = x.get(1).shape().size(3) / groups;
            List<Operand<TFloat32>> parts = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                parts.add(conv(tf, slice(tf, in, 3, g * inPer, (g + 1) * inPer),
                        slice(tf, x.get(1), 3, g * outPer, (g + 1) * outPer), s));
            }
            y = tf.concat(parts, tf.constant(3));
        }
        return x.size() > 2 ? tf.nn.biasAdd(y, x.get(2)) : y; } },
    /** NHWC depthwise convolution, kernel [h, w, channels, multiplier]; attributes as CONV. */
    DEPTHWISE_CONV { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        Operand<TFloat32> in = pad(tf, x.get(0), s.longs("pads"), 0f);
        Operand<TFloat32> y = tf.nn.depthwiseConv2dNative(in, x.get(1), nhwc(s.longs("strides")), "VALID",
                DepthwiseConv2dNative.dilations(nhwc(s.longs("dilations"))));
        return x.size() > 2 ? tf.nn.biasAdd(y, x.get(1 + 1)) : y; } },
    /** NHWC max pooling; pads (top, left, bottom, right) never win the maximum. */
    MAX_POOL { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        Operand<TFloat32> in = x.get(0);
        long[] pads = s.longs("pads");
        if (Arrays.stream(pads).anyMatch(p -> p != 0)) {
            Operand<TFloat32> inside = pad(tf, ones(tf, in), pads, 0f);
            in = tf.math.add(pad(tf, in, pads, 0f), tf.math.mul(tf.math.sub(inside, tf.constant(1f)),
                    tf.constant(Float.MAX_VALUE)));
        }
        return tf.scope().opBuilder("MaxPool", "MaxPool").addInput(in.asOutput())
                .setAttr("ksize", nhwcArray(s.longs("kernel"))).setAttr("strides", nhwcArray(s.longs("strides")))
                .setAttr("padding", "VALID").build().<TFloat32>output(0); } },
    /** NHWC average pooling over zero-padded windows; with count_pad 0, over the window's part inside the map. */
    AVG_POOL { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        long[] pads = s.longs("pads");
        Operand<TFloat32> y = avg(tf, pad(tf, x.get(0), pads, 0f), s);
        if (s.value("count_pad") == 0 && Arrays.stream(pads).anyMatch(p -> p != 0)) {
            y = tf.math.div(y, avg(tf, pad(tf, ones(tf, x.get(0)), pads, 0f), s));
        }
        return y; } },
    REDUCE_MEAN { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.math.mean(x.get(0), tf.constant(s.ints("axes")), Mean.keepDims(s.value("keep") != 0)); } },
    REDUCE_SUM { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.reduceSum(x.get(0), tf.constant(s.ints("axes")),
                org.tensorflow.op.core.ReduceSum.keepDims(s.value("keep") != 0)); } },
    REDUCE_MAX { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.reduceMax(x.get(0), tf.constant(s.ints("axes")),
                org.tensorflow.op.core.ReduceMax.keepDims(s.value("keep") != 0)); } },
    /** x * scale + offset. */
    SCALE { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        Operand<TFloat32> y = x.get(0);
        if (s.value("scale") != 1) {
            y = tf.math.mul(y, tf.constant((float) s.value("scale")));
        }
        return s.value("offset") == 0 ? y : tf.math.add(y, tf.constant((float) s.value("offset"))); } },
    /** Softmax along one axis (TensorFlow's is along the last: others are transposed there and back). */
    SOFTMAX { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        int rank = x.get(0).shape().numDimensions();
        int axis = s.ints("axis")[0];
        if (axis == rank - 1) {
            return tf.nn.softmax(x.get(0));
        }
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[axis] = rank - 1;
        perm[rank - 1] = axis;
        return tf.linalg.transpose(tf.nn.softmax(tf.linalg.transpose(x.get(0), tf.constant(perm))), tf.constant(perm)); } },
    TRANSPOSE { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.linalg.transpose(x.get(0), tf.constant(s.ints("perm"))); } },
    /** Reshape to fixed sizes, -1 on the batch axis. */
    RESHAPE { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.reshape(x.get(0), tf.constant(s.longs("shape"))); } },
    CONCAT { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return x.size() == 1 ? x.get(0) : tf.concat(x, tf.constant(s.ints("axis")[0])); } },
    /** begin, end and step per axis; "whole" marks axes kept whole (the batch), "drop" axes of one index removed. */
    SLICE { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.stridedSlice(x.get(0), tf.constant(s.ints("begin")), tf.constant(s.ints("end")),
                tf.constant(s.ints("step")), StridedSlice.beginMask((long) s.value("whole")),
                StridedSlice.endMask((long) s.value("whole")), StridedSlice.shrinkAxisMask((long) s.value("drop"))); } },
    /** Constant padding: pads are (before, after) per axis. */
    PAD { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        int[] p = s.ints("pads");
        Operand<TFloat32> y = tf.pad(x.get(0), tf.constant(pairs(p)), tf.constant(0f));
        float value = (float) s.value("value");
        if (value == 0) {
            return y;
        }
        Operand<TFloat32> inside = tf.pad(ones(tf, x.get(0)), tf.constant(pairs(p)), tf.constant(0f));
        return tf.math.add(y, tf.math.mul(tf.math.sub(tf.constant(1f), inside), tf.constant(value))); } },
    /** NHWC resize to size (h, w): bilinear with half-pixel centres, or nearest with floor of asymmetric coordinates. */
    RESIZE { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        var size = tf.constant(s.ints("size"));
        return s.value("bilinear") != 0
                ? tf.image.resizeBilinear(x.get(0), size, ResizeBilinear.halfPixelCenters(true))
                : tf.image.resizeNearestNeighbor(x.get(0), size, ResizeNearestNeighbor.halfPixelCenters(false)); } },
    /** A constant (first argument) repeated along the batch axis ("axis") of the second argument. */
    BATCH_LIKE { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        Operand<TFloat32> other = x.get(1);
        int rank = other.shape().numDimensions();
        int axis = s.ints("axis")[0];
        int[] end = new int[rank];
        Arrays.fill(end, 1);
        Operand<TFloat32> one = tf.stridedSlice(other, tf.constant(new int[rank]), tf.constant(end),
                tf.constant(ones(rank)), StridedSlice.beginMask(1L << axis), StridedSlice.endMask(1L << axis));
        return tf.math.add(x.get(0), tf.math.mul(one, tf.constant(0f))); } },
    DEPTH_TO_SPACE { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.nn.depthToSpace(x.get(0), (long) s.value("block")); } },
    SPACE_TO_DEPTH { Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s) {
        return tf.nn.spaceToDepth(x.get(0), (long) s.value("block")); } };

    abstract Operand<TFloat32> apply(Ops tf, List<Operand<TFloat32>> x, OpStep s);

    /** Adds this op to {@code tf}'s graph on {@code args} with the step's attributes. */
    public Operand<TFloat32> applyTo(Ops tf, List<Operand<TFloat32>> args, OpStep step) {
        return apply(tf, args, step);
    }

    /** The op named {@code name}, or null when it is not on the allowlist. */
    public static TensorOp named(String name) {
        return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }

    private static Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel, OpStep s) {
        return tf.nn.conv2d(x, kernel, nhwc(s.longs("strides")), "VALID", Conv2d.dilations(nhwc(s.longs("dilations"))));
    }

    private static Operand<TFloat32> avg(Ops tf, Operand<TFloat32> x, OpStep s) {
        return tf.nn.avgPool(x, nhwc(s.longs("kernel")), nhwc(s.longs("strides")), "VALID");
    }

    /** Zero-pads the spatial axes of an NHWC tensor by (top, left, bottom, right). */
    private static Operand<TFloat32> pad(Ops tf, Operand<TFloat32> x, long[] tlbr, float value) {
        if (Arrays.stream(tlbr).allMatch(p -> p == 0)) {
            return x;
        }
        return tf.pad(x, tf.constant(new int[][] {{0, 0}, {(int) tlbr[0], (int) tlbr[2]}, {(int) tlbr[1], (int) tlbr[3]}, {0, 0}}),
                tf.constant(value));
    }

    /** Ones of one example's shape: a constant, so that no gradient flows through it. */
    private static Operand<TFloat32> ones(Ops tf, Operand<TFloat32> x) {
        long[] shape = x.shape().asArray();
        shape[0] = 1;
        return tf.fill(tf.constant(shape), tf.constant(1f));
    }

    private static Operand<TFloat32> slice(Ops tf, Operand<TFloat32> x, int axis, long from, long to) {
        int rank = x.shape().numDimensions();
        int[] begin = new int[rank];
        int[] end = new int[rank];
        begin[axis] = (int) from;
        end[axis] = (int) to;
        long whole = ((1L << rank) - 1) & ~(1L << axis);
        return tf.stridedSlice(x, tf.constant(begin), tf.constant(end), tf.constant(ones(rank)),
                StridedSlice.beginMask(whole), StridedSlice.endMask(whole));
    }

    private static int[] ones(int n) {
        int[] v = new int[n];
        Arrays.fill(v, 1);
        return v;
    }

    private static int[][] pairs(int[] p) {
        int[][] out = new int[p.length / 2][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[] {p[2 * i], p[2 * i + 1]};
        }
        return out;
    }

    private static List<Long> nhwc(long[] hw) {
        return List.of(1L, hw[0], hw[1], 1L);
    }

    private static long[] nhwcArray(long[] hw) {
        return new long[] {1, hw[0], hw[1], 1};
    }
}
