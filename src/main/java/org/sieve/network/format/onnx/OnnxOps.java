package org.sieve.network.format.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sieve.network.WeightTensor;
import org.sieve.network.format.onnx.OnnxSteps.Act;

/**
 * Translates one ONNX node on the image's path into TensorFlow steps, the way ONNX defines the
 * op: a node becomes the one TensorFlow op that computes it where there is one, else a few.
 * Constants it reads become the layer's weights, rearranged into the layout of the tensor they
 * meet.
 */
final class OnnxOps {

    private final OnnxSteps steps;
    private final OnnxNode n;
    private final String module;
    private final List<Object> in;

    private OnnxOps(OnnxSteps steps, OnnxNode n, String module, List<Object> in) {
        this.steps = steps;
        this.n = n;
        this.module = module;
        this.in = in;
    }

    /** The node's outputs (Act or OnnxTensor) from its inputs (null where an optional input is absent). */
    static List<Object> translate(OnnxSteps steps, OnnxNode n, String module, List<Object> in) {
        return new OnnxOps(steps, n, module, in).outputs();
    }

    private List<Object> outputs() {
        return switch (n.op()) {
            case "Split" -> split();
            default -> List.of(single());
        };
    }

    private Object single() {
        return switch (n.op()) {
            case "Shape" -> shape();
            case "Identity", "Dropout" -> in.get(0);
            case "Cast" -> in.get(0);
            case "Relu" -> unary(OnnxKernel.RELU);
            case "Sigmoid" -> unary(OnnxKernel.SIGMOID);
            case "Tanh" -> unary(OnnxKernel.TANH);
            case "Erf" -> unary(OnnxKernel.ERF);
            case "Sqrt" -> unary(OnnxKernel.SQRT);
            case "Exp" -> unary(OnnxKernel.EXP);
            case "Log" -> unary(OnnxKernel.LOG);
            case "Abs" -> unary(OnnxKernel.ABS);
            case "Neg" -> unary(OnnxKernel.NEG);
            case "Reciprocal" -> unary(OnnxKernel.RECIPROCAL);
            case "LeakyRelu" -> unary(OnnxKernel.LEAKY_RELU, Map.of("alpha", new double[] {n.number("alpha", 0.01f)}));
            case "Clip" -> clip();
            case "HardSigmoid" -> hardSigmoid(act(0), n.number("alpha", 0.2f), n.number("beta", 0.5f));
            case "HardSwish" -> binary(OnnxKernel.MUL, act(0), hardSigmoid(act(0), 1f / 6, 0.5f));
            case "PRelu" -> prelu();
            case "Add" -> arithmetic(OnnxKernel.ADD);
            case "Sub" -> arithmetic(OnnxKernel.SUB);
            case "Mul" -> arithmetic(OnnxKernel.MUL);
            case "Div" -> arithmetic(OnnxKernel.DIV);
            case "Pow" -> pow();
            case "Max" -> arithmetic(OnnxKernel.MAXIMUM);
            case "Min" -> arithmetic(OnnxKernel.MINIMUM);
            case "Sum" -> sum();
            case "Conv" -> conv();
            case "ConvTranspose" -> convTranspose();
            case "BatchNormalization" -> batchNorm();
            case "MaxPool", "AveragePool" -> pool();
            case "GlobalAveragePool", "GlobalMaxPool" -> globalPool();
            case "ReduceMean", "ReduceSum", "ReduceMax" -> reduce();
            case "Softmax" -> softmax();
            case "Gemm" -> gemm();
            case "MatMul" -> matmul();
            case "Flatten", "Reshape", "Unsqueeze", "Squeeze" -> reshape();
            case "Transpose" -> transpose();
            case "Concat" -> concat();
            case "Slice" -> slice();
            case "Gather" -> gather();
            case "Pad" -> pad();
            case "Resize", "Upsample" -> resize();
            case "LayerNormalization" -> layerNorm();
            case "Expand" -> expand();
            case "DepthToSpace", "SpaceToDepth" -> depthSpace();
            default -> throw n.unsupported("computes on the image's features with an op Sieve does not translate");
        };
    }

    /** The shape of a tensor from the image, batch 1: what the exporter's shape arithmetic reads. */
    private OnnxTensor shape() {
        long[] dims = act(0).shape();
        int rank = dims.length;
        long start = n.integer("start", 0);
        long end = n.integer("end", rank);
        start = Math.max(0, Math.min(rank, start < 0 ? start + rank : start));
        end = Math.max(start, Math.min(rank, end < 0 ? end + rank : end));
        long[] v = Arrays.copyOfRange(dims, (int) start, (int) end);
        return OnnxTensor.ofInts(n.output(), new long[] {v.length}, v);
    }

    // ---- inputs -----------------------------------------------------------------------------

    private Act act(int i) {
        if (in.get(i) instanceof Act a) {
            return a;
        }
        throw n.unsupported("needs input " + i + " to come from the image");
    }

    private OnnxTensor constant(int i) {
        if (i < in.size() && in.get(i) instanceof OnnxTensor t) {
            return t;
        }
        throw n.unsupported("computes input " + i + " from the image; Sieve needs it to be a constant");
    }

    private OnnxTensor optional(int i) {
        return i < in.size() && in.get(i) != null ? constant(i) : null;
    }

    private Act emit(OnnxKernel op, List<Object> args, Map<String, double[]> attributes, Act like) {
        return emit(op, args, attributes, like.batch(), like.perm());
    }

    /** A step, or a refusal naming the node where TensorFlow cannot compute it on these shapes. */
    private Act emit(OnnxKernel op, List<Object> args, Map<String, double[]> attributes, int batch, int[] perm) {
        try {
            return steps.emit(module, op, args, attributes, batch, perm);
        } catch (org.tensorflow.exceptions.TensorFlowException | IllegalArgumentException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceFirst(" for '\\{\\{node .*", "");
            throw n.invalid("cannot be computed on its input (" + reason + "); the model's input may be too small for it");
        }
    }

    /** A constant as a weight that broadcasts against {@code x} in x's layout. */
    private String weightLike(OnnxTensor c, Act x) {
        long[] dims = TensorData.leftPadded(c.dims(), x.rank());
        if (dims.length > x.rank()) {
            throw n.unsupported("broadcasts a constant of shape " + Arrays.toString(c.dims()) + " over a tensor of rank "
                    + x.rank());
        }
        float[] v = TensorData.transpose(c.asFloats(), dims, x.perm());
        return steps.weight(c.name(), new WeightTensor(TensorData.permuted(dims, x.perm()), v));
    }

    private String weight(OnnxTensor c, long[] shape, float[] values) {
        return steps.weight(c.name(), new WeightTensor(shape, values));
    }

    private Map<String, double[]> attrs(Object... pairs) {
        Map<String, double[]> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (double[]) pairs[i + 1]);
        }
        return m;
    }

    // ---- element-wise -------------------------------------------------------------------------

    private Act unary(OnnxKernel op) {
        return unary(op, Map.of());
    }

    private Act unary(OnnxKernel op, Map<String, double[]> attributes) {
        Act x = act(0);
        return emit(op, List.of(x), attributes, x);
    }

    private Act scale(Act x, double scale, double offset) {
        return emit(OnnxKernel.SCALE, List.of(x), attrs("scale", new double[] {scale}, "offset", new double[] {offset}), x);
    }

    private Act clip() {
        Map<String, double[]> a = new HashMap<>();
        OnnxTensor low = n.inputCount() > 1 ? optional(1) : null;
        OnnxTensor high = n.inputCount() > 2 ? optional(2) : null;
        if (low != null || n.has("min")) {
            a.put("low", new double[] {low != null ? low.at(0) : n.number("min", 0)});
        }
        if (high != null || n.has("max")) {
            a.put("high", new double[] {high != null ? high.at(0) : n.number("max", 0)});
        }
        return unary(OnnxKernel.CLIP, a);
    }

    private Act hardSigmoid(Act x, double alpha, double beta) {
        Act y = scale(x, alpha, beta);
        return emit(OnnxKernel.CLIP, List.of(y), attrs("low", new double[] {0}, "high", new double[] {1}), y);
    }

    /** relu(x) - slope * relu(-x). */
    private Act prelu() {
        Act x = act(0);
        Act pos = emit(OnnxKernel.RELU, List.of(x), Map.of(), x);
        Act neg = emit(OnnxKernel.RELU, List.of(emit(OnnxKernel.NEG, List.of(x), Map.of(), x)), Map.of(), x);
        Act scaled = emit(OnnxKernel.MUL, List.of(neg, weightLike(constant(1), x)), Map.of(), x);
        return emit(OnnxKernel.SUB, List.of(pos, scaled), Map.of(), x);
    }

    /** Two tensors combine in the layout of the one already in its usual layout (a residual stream's). */
    private Act binary(OnnxKernel op, Act a, Act b) {
        if (a.rank() == b.rank()) {
            int[] perm = !OnnxSteps.usual(a) && OnnxSteps.usual(b) ? b.perm() : a.perm();
            a = steps.layout(module, a, perm);
            b = steps.layout(module, b, perm);
        } else {
            a = steps.plain(module, a);
            b = steps.plain(module, b);
        }
        Act like = a.batch() >= 0 ? a : b;
        return emit(op, List.of(a, b), Map.of(), like.batch(), a.perm());
    }

    /** Two tensors from the image combine; with a constant, scalars become a rescaling and others weights. */
    private Act arithmetic(OnnxKernel op) {
        if (in.get(0) instanceof Act a && in.get(1) instanceof Act b) {
            return binary(op, a, b);
        }
        boolean constantFirst = in.get(0) instanceof OnnxTensor;
        Act x = act(constantFirst ? 1 : 0);
        OnnxTensor c = constant(constantFirst ? 0 : 1);
        if (c.size() == 1 && c.dims().length <= x.rank()) {
            double v = c.at(0);
            switch (op) {
                case ADD: return scale(x, 1, v);
                case SUB: return constantFirst ? scale(x, -1, v) : scale(x, 1, -v);
                case MUL: return scale(x, v, 0);
                case DIV: if (!constantFirst && v != 0) {
                    return scale(x, 1 / v, 0);
                }
                break;
                default: break;
            }
        }
        if (c.dims().length > x.rank()) {
            x = steps.plain(module, x);
        }
        String w = weightLike(c, x);
        return emit(op, constantFirst ? List.of(w, x) : List.of(x, w), Map.of(), x);
    }

    private Act pow() {
        Act x = act(0);
        OnnxTensor e = constant(1);
        if (e.size() == 1 && e.at(0) == 2) {
            return emit(OnnxKernel.MUL, List.of(x, x), Map.of(), x);
        }
        if (e.size() == 1 && e.at(0) == 0.5) {
            return emit(OnnxKernel.SQRT, List.of(x), Map.of(), x);
        }
        return emit(OnnxKernel.POW, List.of(x, weightLike(e, x)), Map.of(), x);
    }

    private Act sum() {
        Act y = act(0);
        for (int i = 1; i < in.size(); i++) {
            y = binary(OnnxKernel.ADD, y, act(i));
        }
        return y;
    }

    // ---- images -------------------------------------------------------------------------------

    private Act image(int i) {
        Act x = act(i);
        if (x.rank() != 4) {
            throw n.unsupported("takes a tensor of shape " + Arrays.toString(x.shape()) + "; Sieve translates 2-D"
                    + " images [N, C, H, W] here");
        }
        return steps.layout(module, x, OnnxSteps.CHANNELS_LAST);
    }

    private long[] pair(String key, long fallback) {
        long[] v = n.integers(key, new long[] {fallback, fallback});
        if (v.length != 2 || Arrays.stream(v).anyMatch(d -> d < 1 || d > OnnxReader.MAX_INPUT_SIDE)) {
            throw n.unsupported("has " + key + " " + Arrays.toString(v) + "; Sieve supports 2-D images");
        }
        return v;
    }

    /** Pads (top, left, bottom, right), from explicit pads or auto_pad. */
    private long[] pads(long[] hw, long[] kernel, long[] strides, long[] dilations) {
        String auto = n.text("auto_pad", "NOTSET");
        if (auto.equals("NOTSET") || auto.equals("VALID")) {
            long[] p = auto.equals("VALID") ? new long[4] : n.integers("pads", new long[4]);
            if (p.length != 4 || Arrays.stream(p).anyMatch(v -> v < 0 || v > OnnxReader.MAX_INPUT_SIDE)) {
                throw n.invalid("has pads " + Arrays.toString(p));
            }
            return p;
        }
        long[] p = new long[4];
        for (int d = 0; d < 2; d++) {
            long out = (hw[d] + strides[d] - 1) / strides[d];
            long total = Math.max((out - 1) * strides[d] + (kernel[d] - 1) * dilations[d] + 1 - hw[d], 0);
            boolean upper = auto.equals("SAME_UPPER");
            p[d] = upper ? total / 2 : total - total / 2;
            p[d + 2] = total - p[d];
        }
        return p;
    }

    private Act conv() {
        Act x = image(0);
        OnnxTensor w = constant(1);
        long[] d = w.dims();
        long group = n.integer("group", 1);
        long channels = x.shape()[1];
        if (d.length != 4 || group < 1 || channels % group != 0 || d[1] * group != channels || d[0] % group != 0) {
            throw n.unsupported("has weights of shape " + Arrays.toString(d) + " in " + group + " groups for "
                    + channels + " channels; Sieve translates 2-D convolutions");
        }
        long[] kernel = {d[2], d[3]};
        long[] strides = pair("strides", 1);
        long[] dilations = pair("dilations", 1);
        long[] pads = pads(new long[] {x.shape()[2], x.shape()[3]}, kernel, strides, dilations);
        boolean depthwise = group == channels && group > 1;
        String k;
        if (depthwise) {
            // ONNX [C*M, 1, h, w] to TensorFlow's [h, w, C, M]: output channel c*M+m is input channel c's m-th.
            long m = d[0] / channels;
            float[] v = TensorData.transpose(w.asFloats(), new long[] {channels, m, d[2], d[3]}, new int[] {2, 3, 0, 1});
            k = weight(w, new long[] {d[2], d[3], channels, m}, v);
        } else {
            k = weight(w, new long[] {d[2], d[3], d[1], d[0]}, TensorData.transpose(w.asFloats(), d, new int[] {2, 3, 1, 0}));
        }
        List<Object> args = new ArrayList<>(List.of(x, k));
        OnnxTensor b = optional(2);
        if (b != null) {
            args.add(weight(b, new long[] {b.size()}, b.asFloats()));
        }
        return emit(depthwise ? OnnxKernel.DEPTHWISE_CONV : OnnxKernel.CONV, args, attrs("strides", OnnxSteps.doubles(strides),
                "dilations", OnnxSteps.doubles(dilations), "pads", OnnxSteps.doubles(pads),
                "groups", new double[] {depthwise ? 1 : group}), x);
    }

    /**
     * A transposed convolution of one group (PyTorch's ConvTranspose2d): computed at its full size
     * (stride * (in - 1) + kernel + output_padding), then cropped by pads.
     */
    private Act convTranspose() {
        Act x = image(0);
        OnnxTensor w = constant(1);
        long[] d = w.dims();
        if (d.length != 4 || d[0] != x.shape()[1] || n.integer("group", 1) != 1) {
            throw n.unsupported("has weights of shape " + Arrays.toString(d) + " in " + n.integer("group", 1)
                    + " groups for " + x.shape()[1] + " channels; Sieve translates 2-D transposed convolutions of one group");
        }
        if (!Arrays.equals(pair("dilations", 1), new long[] {1, 1}) || n.has("output_shape")
                || !n.text("auto_pad", "NOTSET").equals("NOTSET")) {
            throw n.unsupported("sets dilations, output_shape or auto_pad; Sieve translates strides, pads and"
                    + " output_padding");
        }
        long[] strides = pair("strides", 1);
        long[] extra = n.integers("output_padding", new long[2]);
        long[] pads = n.integers("pads", new long[4]);
        long[] full = new long[2];
        for (int i = 0; i < 2; i++) {
            full[i] = i < extra.length ? strides[i] * (x.shape()[2 + i] - 1) + d[2 + i] + extra[i] : 0;
        }
        if (extra.length != 2 || pads.length != 4 || extra[0] < 0 || extra[1] < 0 || extra[0] >= strides[0]
                || extra[1] >= strides[1] || Arrays.stream(pads).anyMatch(v -> v < 0)
                || pads[0] + pads[2] >= full[0] || pads[1] + pads[3] >= full[1]) {
            throw n.invalid("has output_padding " + Arrays.toString(extra) + " and pads " + Arrays.toString(pads)
                    + " for strides " + Arrays.toString(strides));
        }
        // ONNX [in, out, h, w] to the [h, w, out, in] filter of the convolution this one is the gradient of.
        String k = weight(w, new long[] {d[2], d[3], d[1], d[0]}, TensorData.transpose(w.asFloats(), d, new int[] {2, 3, 1, 0}));
        List<Object> args = new ArrayList<>(List.of(x, k));
        OnnxTensor b = optional(2);
        if (b != null) {
            args.add(weight(b, new long[] {b.size()}, b.asFloats()));
        }
        return emit(OnnxKernel.CONV_TRANSPOSE, args, attrs("strides", OnnxSteps.doubles(strides),
                "size", OnnxSteps.doubles(full[0], full[1], d[1]), "pads", OnnxSteps.doubles(pads)), x);
    }

    /** Inference batch norm as a per-channel scale and shift along ONNX axis 1. */
    private Act batchNorm() {
        Act x = act(0);
        float[] gamma = constant(1).asFloats();
        float[] beta = constant(2).asFloats();
        float[] mean = constant(3).asFloats();
        float[] var = constant(4).asFloats();
        float eps = n.number("epsilon", 1e-5f);
        float[] scale = new float[gamma.length];
        float[] shift = new float[gamma.length];
        for (int c = 0; c < gamma.length; c++) {
            scale[c] = (float) (gamma[c] / Math.sqrt((double) var[c] + eps));
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        long[] dims = new long[x.rank()];
        Arrays.fill(dims, 1);
        dims[1] = gamma.length;
        OnnxTensor s = new OnnxTensor(constant(1).name() + ".scale", dims, scale, null);
        OnnxTensor t = new OnnxTensor(constant(2).name() + ".shift", dims, shift, null);
        Act y = emit(OnnxKernel.MUL, List.of(x, weightLike(s, x)), Map.of(), x);
        return emit(OnnxKernel.ADD, List.of(y, weightLike(t, x)), Map.of(), x);
    }

    private Act pool() {
        Act x = image(0);
        boolean max = n.op().equals("MaxPool");
        long[] kernel = pair("kernel_shape", 1);
        long[] strides = pair("strides", 1);
        if (!Arrays.equals(pair("dilations", 1), new long[] {1, 1}) || n.proto().getOutputList().stream().skip(1).anyMatch(o -> !o.isEmpty())) {
            throw n.unsupported("pools with dilations or returns indices");
        }
        long[] hw = {x.shape()[2], x.shape()[3]};
        long[] pads = pads(hw, kernel, strides, new long[] {1, 1});
        if (n.integer("ceil_mode", 0) == 1) {
            for (int d = 0; d < 2; d++) {
                long span = hw[d] + pads[d] + pads[d + 2] - kernel[d];
                long out = (span + strides[d] - 1) / strides[d] + 1;
                if ((out - 1) * strides[d] >= hw[d] + pads[d]) {
                    out--; // PyTorch drops a last window that would start in the padding
                }
                long extra = Math.max(0, (out - 1) * strides[d] + kernel[d] - (hw[d] + pads[d] + pads[d + 2]));
                if (extra > 0 && !max) {
                    throw n.unsupported("averages partial windows at the edge (ceil_mode 1); export with ceil_mode=False");
                }
                pads[d + 2] += extra;
            }
        }
        return emit(max ? OnnxKernel.MAX_POOL : OnnxKernel.AVG_POOL, List.of(x), attrs("kernel", OnnxSteps.doubles(kernel),
                "strides", OnnxSteps.doubles(strides), "pads", OnnxSteps.doubles(pads),
                "count_pad", new double[] {n.integer("count_include_pad", 0)}), x);
    }

    private Act globalPool() {
        Act x = act(0);
        double[] axes = new double[x.rank() - 2];
        for (int a = 2; a < x.rank(); a++) {
            axes[a - 2] = x.tfAxis(a);
        }
        return emit(n.op().equals("GlobalMaxPool") ? OnnxKernel.REDUCE_MAX : OnnxKernel.REDUCE_MEAN, List.of(x),
                attrs("axes", axes, "keep", new double[] {1}), x);
    }

    private Act reduce() {
        Act x = act(0);
        long[] axes = n.inputCount() > 1 && in.get(1) != null ? constant(1).asLongs() : n.integers("axes", null);
        if (axes == null) {
            axes = Arrays.stream(OnnxSteps.identity(x.rank())).asLongStream().toArray();
        }
        boolean keep = n.integer("keepdims", 1) == 1;
        if (!keep) {
            x = steps.plain(module, x);
        }
        for (long a : axes) {
            if ((a < 0 ? a + x.rank() : a) == x.batch()) {
                throw n.unsupported("reduces over the batch axis");
            }
        }
        final Act from = x;
        double[] tfAxes = Arrays.stream(axes).mapToDouble(from::tfAxis).toArray();
        OnnxKernel op = switch (n.op()) {
            case "ReduceMean" -> OnnxKernel.REDUCE_MEAN;
            case "ReduceSum" -> OnnxKernel.REDUCE_SUM;
            default -> OnnxKernel.REDUCE_MAX;
        };
        int batch = x.batch() - (int) Arrays.stream(axes).map(a -> a < 0 ? a + from.rank() : a)
                .filter(a -> !keep && a < from.batch()).count();
        return emit(op, List.of(x), attrs("axes", tfAxes, "keep", new double[] {keep ? 1 : 0}), batch,
                keep ? x.perm() : OnnxSteps.identity(x.rank() - axes.length));
    }

    private Act softmax() {
        Act x = act(0);
        long axis = n.integer("axis", -1);
        if (axis < 0 ? axis != -1 : axis != x.rank() - 1) {
            x = steps.plain(module, x);
        }
        return emit(OnnxKernel.SOFTMAX, List.of(x), attrs("axis", new double[] {x.tfAxis(axis)}), x);
    }

    // ---- matrix products ----------------------------------------------------------------------

    private Act gemm() {
        Act a = steps.plain(module, act(0));
        OnnxTensor w = constant(1);
        if (n.integer("transA", 0) != 0 || a.rank() != 2 || w.dims().length != 2) {
            throw n.unsupported("multiplies a transposed or non-matrix input");
        }
        boolean transB = n.integer("transB", 0) == 1;
        long k = w.dims()[transB ? 1 : 0];
        long m = w.dims()[transB ? 0 : 1];
        float alpha = n.number("alpha", 1f);
        float[] v = transB ? TensorData.transpose(w.asFloats(), w.dims(), new int[] {1, 0}) : w.asFloats().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= alpha;
        }
        Act y = emit(OnnxKernel.MATMUL, List.of(a, weight(w, new long[] {k, m}, v)), Map.of(), a);
        OnnxTensor c = optional(2);
        if (c == null) {
            return y;
        }
        float beta = n.number("beta", 1f);
        float[] bias = c.asFloats().clone();
        for (int i = 0; i < bias.length; i++) {
            bias[i] *= beta;
        }
        return emit(OnnxKernel.ADD, List.of(y, weightLike(new OnnxTensor(c.name(), c.dims(), bias, null), y)), Map.of(), y);
    }

    private Act matmul() {
        if (in.get(0) instanceof Act a && in.get(1) instanceof Act b) {
            a = steps.plain(module, a);
            b = steps.plain(module, b);
            return emit(OnnxKernel.MATMUL, List.of(a, b), Map.of(), a.batch() >= 0 ? a.batch() : b.batch(),
                    OnnxSteps.identity(Math.max(a.rank(), b.rank())));
        }
        Act a = steps.plain(module, act(0));
        OnnxTensor w = constant(1);
        if (w.dims().length != 2) {
            throw n.unsupported("multiplies by a constant of shape " + Arrays.toString(w.dims()));
        }
        return emit(OnnxKernel.MATMUL, List.of(a, weight(w, w.dims(), w.asFloats())), Map.of(), a);
    }

    // ---- shapes -------------------------------------------------------------------------------

    private Act reshape() {
        Act x = steps.plain(module, act(0));
        long[] to = OnnxShapes.target(n, x.shape(), n.inputCount() > 1 && in.get(1) != null ? constant(1) : null);
        int[] where = x.batch() < 0 ? null : OnnxShapes.batchAfterReshape(x.shape(), x.batch(), steps.innerBatch(x), to);
        int batch = where == null ? -1 : where[0];
        if (x.batch() >= 0 && batch < 0) {
            throw n.unsupported("reshapes " + Arrays.toString(x.shape()) + " to " + Arrays.toString(to)
                    + ", mixing the examples of a batch");
        }
        long[] shape = to.clone();
        if (batch >= 0) {
            shape[batch] = -1;
        }
        Act y = emit(OnnxKernel.RESHAPE, List.of(x), attrs("shape", OnnxSteps.doubles(shape)), batch, OnnxSteps.identity(to.length));
        steps.setInnerBatch(y, where != null && where[1] == 1);
        return y;
    }

    /** No step: the tensor stays where it is and only its layout's record changes. */
    private Act transpose() {
        Act x = act(0);
        long[] p = n.integers("perm", null);
        int rank = x.rank();
        if (p == null) {
            p = new long[rank];
            for (int i = 0; i < rank; i++) {
                p[i] = rank - 1 - i;
            }
        }
        if (p.length != rank) {
            throw n.invalid("permutes " + p.length + " axes of a rank-" + rank + " tensor");
        }
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            inverse[(int) p[i]] = i;
        }
        int[] perm = new int[rank];
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = inverse[x.perm()[i]];
            shape[i] = x.shape()[(int) p[i]];
        }
        return new Act(x.ref(), shape, x.batch() < 0 ? -1 : inverse[x.batch()], perm);
    }

    private Object concat() {
        List<Act> acts = in.stream().filter(v -> v instanceof Act).map(v -> (Act) v).toList();
        if (in.size() == 1) {
            return in.get(0);
        }
        Act first = steps.usualLayout(module, acts.get(0));
        long axis = n.integer("axis", 0);
        List<Object> args = new ArrayList<>();
        for (Object v : in) {
            if (v instanceof Act a) {
                if (a.rank() != first.rank()) {
                    throw n.unsupported("concatenates tensors of different ranks");
                }
                args.add(steps.layout(module, a, first.perm()));
            } else {
                // A constant (a class token) joins every example of the batch.
                OnnxTensor c = (OnnxTensor) v;
                args.add(emit(OnnxKernel.BATCH_LIKE, List.of(weightLike(c, first), first),
                        attrs("axis", new double[] {first.tfAxis(first.batch())}), first));
            }
        }
        if ((axis < 0 ? axis + first.rank() : axis) == first.batch()) {
            throw n.unsupported("concatenates along the batch axis");
        }
        return emit(OnnxKernel.CONCAT, args, attrs("axis", new double[] {first.tfAxis(axis)}), first);
    }

    /** ONNX Slice over constant starts, ends, axes and steps, as a strided slice in x's layout. */
    private Act slice() {
        Act x = act(0);
        long[] starts = constant(1).asLongs();
        long[] ends = constant(2).asLongs();
        long[] axes = in.size() > 3 && in.get(3) != null ? constant(3).asLongs()
                : Arrays.stream(OnnxSteps.identity(starts.length)).asLongStream().toArray();
        long[] stepsBy = in.size() > 4 && in.get(4) != null ? constant(4).asLongs() : null;
        return sliced(x, axes, starts, ends, stepsBy, -1);
    }

    private Act sliced(Act x, long[] axes, long[] starts, long[] ends, long[] by, long drop) {
        int rank = x.rank();
        long[] begin = new long[rank];
        long[] end = new long[rank];
        long[] step = new long[rank];
        long whole = 0;
        for (int i = 0; i < rank; i++) {
            end[i] = x.shape()[x.perm()[i]];
            step[i] = 1;
        }
        long dropMask = 0;
        for (int k = 0; k < axes.length; k++) {
            int a = (int) (axes[k] < 0 ? axes[k] + rank : axes[k]);
            long size = x.shape()[a];
            long s = by == null ? 1 : by[k];
            if (s < 1) {
                throw n.unsupported("slices backwards (step " + s + ")");
            }
            long b = Math.max(0, Math.min(size, starts[k] < 0 ? starts[k] + size : starts[k]));
            long e = Math.max(b, Math.min(size, ends[k] < 0 ? ends[k] + size : ends[k]));
            if (a == x.batch() && (b != 0 || e != size)) {
                throw n.unsupported("slices the batch axis");
            }
            int t = x.tfAxis(a);
            begin[t] = b;
            end[t] = e;
            step[t] = s;
            if (a == drop) {
                dropMask |= 1L << t;
                end[t] = b + 1;
            }
        }
        if (x.batch() >= 0) {
            whole = 1L << x.tfAxis(x.batch());
        }
        int[] perm = x.perm();
        int batch = x.batch();
        if (drop >= 0) {
            int[] kept = Arrays.stream(perm).filter(p -> p != drop).map(p -> p > drop ? p - 1 : p).toArray();
            perm = kept;
            batch = batch > drop ? batch - 1 : batch;
        }
        return emit(OnnxKernel.SLICE, List.of(x), attrs("begin", OnnxSteps.doubles(begin), "end", OnnxSteps.doubles(end),
                "step", OnnxSteps.doubles(step), "whole", new double[] {whole}, "drop", new double[] {dropMask}),
                batch, perm);
    }

    /** Gather of one index (x[:, 0]) or a run of consecutive indices, as a slice. */
    private Act gather() {
        Act x = act(0);
        OnnxTensor idx = constant(1);
        long axis = n.integer("axis", 0);
        axis = axis < 0 ? axis + x.rank() : axis;
        long size = x.shape()[(int) axis];
        long[] k = Arrays.stream(idx.asLongs()).map(i -> i < 0 ? i + size : i).toArray();
        for (int i = 1; i < k.length; i++) {
            if (k[i] != k[i - 1] + 1) {
                throw n.unsupported("gathers indices " + Arrays.toString(k) + " that are not consecutive");
            }
        }
        if (k.length == 0 || idx.dims().length > 1) {
            throw n.unsupported("gathers with indices of shape " + Arrays.toString(idx.dims()));
        }
        return sliced(x, new long[] {axis}, new long[] {k[0]}, new long[] {k[k.length - 1] + 1}, null,
                idx.dims().length == 0 ? axis : -1);
    }

    private List<Object> split() {
        Act x = act(0);
        long axis = n.integer("axis", 0);
        axis = axis < 0 ? axis + x.rank() : axis;
        int parts = n.proto().getOutputCount();
        long[] sizes = n.inputCount() > 1 && in.get(1) != null ? constant(1).asLongs() : n.integers("split", null);
        if (sizes == null) {
            long each = (x.shape()[(int) axis] + parts - 1) / parts;
            sizes = new long[parts];
            Arrays.fill(sizes, each);
            sizes[parts - 1] = x.shape()[(int) axis] - each * (parts - 1);
        }
        List<Object> out = new ArrayList<>();
        long at = 0;
        for (long s : sizes) {
            out.add(sliced(x, new long[] {axis}, new long[] {at}, new long[] {at + s}, null, -1));
            at += s;
        }
        return out;
    }

    private Act pad() {
        Act x = act(0);
        long[] pads = n.inputCount() > 1 && in.get(1) != null ? constant(1).asLongs() : n.integers("pads", null);
        OnnxTensor value = optional(2);
        String mode = n.text("mode", "constant");
        int rank = x.rank();
        if (pads == null || pads.length != 2 * rank || !mode.equals("constant")
                || Arrays.stream(pads).anyMatch(p -> p < 0 || p > OnnxReader.MAX_INPUT_SIDE)) {
            throw n.unsupported("pads by " + Arrays.toString(pads) + " in mode " + mode + "; Sieve translates"
                    + " constant padding");
        }
        double[] tf = new double[2 * rank];
        for (int i = 0; i < rank; i++) {
            tf[2 * i] = pads[x.perm()[i]];
            tf[2 * i + 1] = pads[x.perm()[i] + rank];
        }
        if (x.batch() >= 0 && (pads[x.batch()] != 0 || pads[x.batch() + rank] != 0)) {
            throw n.unsupported("pads the batch axis");
        }
        double v = value != null ? value.at(0) : n.number("value", 0f);
        return emit(OnnxKernel.PAD, List.of(x), attrs("pads", tf, "value", new double[] {v}), x);
    }

    private Act resize() {
        Act x = image(0);
        OnnxTensor scales = n.op().equals("Upsample") ? constant(1) : optional(2);
        OnnxTensor sizes = n.op().equals("Resize") ? optional(3) : null;
        long h;
        long w;
        if (sizes != null && sizes.size() == 4) {
            h = sizes.asLongs()[2];
            w = sizes.asLongs()[3];
        } else if (scales != null && scales.size() == 4 && scales.at(0) == 1 && scales.at(1) == 1) {
            h = (long) Math.floor(x.shape()[2] * scales.at(2));
            w = (long) Math.floor(x.shape()[3] * scales.at(3));
        } else {
            throw n.unsupported("resizes by something other than spatial scales or sizes");
        }
        String mode = n.text("mode", "nearest");
        String coordinates = n.text("coordinate_transformation_mode", n.op().equals("Upsample") ? "asymmetric" : "half_pixel");
        boolean bilinear = mode.equals("linear") && (coordinates.equals("half_pixel") || coordinates.equals("pytorch_half_pixel"));
        boolean nearest = mode.equals("nearest") && coordinates.equals("asymmetric")
                && n.text("nearest_mode", "floor").equals("floor");
        if (!bilinear && !nearest || h < 1 || w < 1 || h > OnnxReader.MAX_INPUT_SIDE || w > OnnxReader.MAX_INPUT_SIDE) {
            throw n.unsupported("resizes to " + h + "x" + w + " in mode " + mode + " with " + coordinates
                    + " coordinates; Sieve translates bilinear (align_corners=False) and nearest upsampling");
        }
        return emit(OnnxKernel.RESIZE, List.of(x), attrs("size", new double[] {h, w}, "bilinear", new double[] {bilinear ? 1 : 0}), x);
    }

    /** (x - mean) / sqrt(var + eps) * scale + bias over the axes from {@code axis} on. */
    private Act layerNorm() {
        Act x = act(0);
        long axis = n.integer("axis", -1);
        axis = axis < 0 ? axis + x.rank() : axis;
        double[] axes = new double[x.rank() - (int) axis];
        for (int a = (int) axis; a < x.rank(); a++) {
            axes[a - (int) axis] = x.tfAxis(a);
        }
        Map<String, double[]> over = attrs("axes", axes, "keep", new double[] {1});
        Act mean = emit(OnnxKernel.REDUCE_MEAN, List.of(x), over, x);
        Act d = emit(OnnxKernel.SUB, List.of(x, mean), Map.of(), x);
        Act var = emit(OnnxKernel.REDUCE_MEAN, List.of(emit(OnnxKernel.MUL, List.of(d, d), Map.of(), x)), over, x);
        Act std = emit(OnnxKernel.SQRT, List.of(scale(var, 1, n.number("epsilon", 1e-5f))), Map.of(), x);
        Act y = emit(OnnxKernel.DIV, List.of(d, std), Map.of(), x);
        y = emit(OnnxKernel.MUL, List.of(y, weightLike(constant(1), x)), Map.of(), x);
        OnnxTensor bias = optional(2);
        return bias == null ? y : emit(OnnxKernel.ADD, List.of(y, weightLike(bias, x)), Map.of(), x);
    }

    private Act expand() {
        Act x = act(0);
        long[] to = OnnxFolding.broadcast(x.shape(), constant(1).asLongs());
        if (!Arrays.equals(to, x.shape())) {
            throw n.unsupported("broadcasts the image's features to shape " + Arrays.toString(to));
        }
        return x;
    }

    private Act depthSpace() {
        Act x = image(0);
        long block = n.integer("blocksize", 0);
        String mode = n.text("mode", "DCR");
        boolean toSpace = n.op().equals("DepthToSpace");
        if (block < 1 || !mode.equals("DCR") && !(toSpace && mode.equals("CRD"))) {
            throw n.unsupported("rearranges in mode " + mode + "; Sieve translates DCR, and CRD for DepthToSpace");
        }
        if (x.shape()[1] % (block * block) != 0) {
            throw n.invalid("rearranges " + x.shape()[1] + " channels in blocks of " + block + "x" + block);
        }
        return emit(toSpace ? OnnxKernel.DEPTH_TO_SPACE : OnnxKernel.SPACE_TO_DEPTH, List.of(x),
                attrs("block", new double[] {block}, "crd", new double[] {mode.equals("CRD") ? 1 : 0}), x);
    }
}
