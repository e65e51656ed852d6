package org.sieve.network.format.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.network.Activation;
import org.sieve.network.ActivationLayer;
import org.sieve.network.BatchNormalization;
import org.sieve.network.Conv2D;
import org.sieve.network.Dense;
import org.sieve.network.DepthwiseConv2D;
import org.sieve.network.GlobalPooling2D;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Merge;
import org.sieve.network.Network;
import org.sieve.network.Permute;
import org.sieve.network.PRelu;
import org.sieve.network.Pooling2D;
import org.sieve.network.Rescaling;
import org.sieve.network.Reshape;
import org.sieve.network.Resizing;
import org.sieve.network.WeightTensor;
import org.sieve.network.ZeroPadding2D;
import org.sieve.network.format.NetworkAssembly;

/**
 * Translates an ONNX graph, node by node in its (topological) order, into Sieve layers. A
 * convolution absorbs the batch norm and activation that only it feeds, so each convolution
 * block is one layer named after its Conv node. Constant subgraphs (shape arithmetic) are
 * folded while reading. Activations are channels last inside: ONNX's channel axis 1 becomes -1.
 */
final class OnnxTranslator {

    /** How an ONNX tensor produced by a layer maps onto that layer's output. */
    private enum Layout {
        /** ONNX [N, C, H, W]; the layer gives [N, H, W, C]. */
        IMAGE,
        /** ONNX [N, F]; the layer gives the same. */
        FLAT,
        /** ONNX [N, C, 1, 1] after global pooling; the layer gives [N, C]. */
        POOLED
    }

    private record Act(String layer, Layout layout) {
    }

    private final String file;
    private final Path dir;
    private final List<OnnxNode> nodes = new ArrayList<>();
    private final Map<String, List<Integer>> consumers = new HashMap<>();
    private final Set<String> graphOutputs = new HashSet<>();
    private final boolean[] absorbed;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, TensorProto> initializers = new HashMap<>();
    /** Layers whose outputs are never negative, so zero padding before max pooling changes nothing. */
    private final Set<String> nonNegative = new HashSet<>();
    private final NetworkAssembly net;

    private OnnxTranslator(GraphProto graph, NetworkAssembly net, Path dir, String file) {
        this.file = file;
        this.dir = dir;
        this.net = net;
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto p = graph.getNode(i);
            nodes.add(new OnnxNode(p, i, file));
            for (String in : p.getInputList()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(i);
            }
        }
        absorbed = new boolean[nodes.size()];
        graph.getOutputList().forEach(o -> graphOutputs.add(o.getName()));
        graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
    }

    static Network translate(GraphProto graph, String inputTensor, InputLayer input, Path dir, String file) {
        try (NetworkAssembly net = new NetworkAssembly(file, input)) {
            OnnxTranslator t = new OnnxTranslator(graph, net, dir, file);
            t.values.put(inputTensor, new Act(input.name(), Layout.IMAGE));
            // Constants first: fusing looks ahead at nodes (Clip's bounds) whose constants come later.
            for (OnnxNode n : t.nodes) {
                if (n.op().equals("Constant")) {
                    t.values.put(n.output(), t.constantNode(n));
                    t.absorb(n);
                }
            }
            for (OnnxNode n : t.nodes) {
                if (!t.absorbed[n.index()]) {
                    t.node(n);
                }
            }
            String output = graph.getOutput(0).getName();
            if (!(t.values.get(output) instanceof Act a)) {
                throw new SieveException("Model " + file + ": output '" + output + "' does not depend on the input"
                        + " image. Export the model again with the image as its input.");
            }
            return net.network(a.layer());
        }
    }

    private void node(OnnxNode n) {
        switch (n.op()) {
            case "Identity", "Dropout" -> values.put(n.output(), value(n.input(0), n));
            case "Shape" -> shape(n);
            case "Gather" -> gather(n);
            case "Unsqueeze", "Squeeze" -> squeeze(n);
            case "Cast" -> cast(n);
            case "Conv" -> conv(n);
            case "BatchNormalization" -> batchNorm(n);
            case "Relu", "Sigmoid", "Tanh", "LeakyRelu", "Clip", "HardSigmoid", "HardSwish", "Softmax" -> activation(n);
            case "PRelu" -> prelu(n);
            case "MaxPool", "AveragePool" -> pool(n);
            case "GlobalAveragePool", "GlobalMaxPool" -> add(n, new GlobalPooling2D(name(n), List.of(image(n, 0).layer()),
                    n.op().equals("GlobalMaxPool")), Map.of(), Layout.POOLED);
            case "Gemm", "MatMul" -> dense(n);
            case "Flatten", "Reshape" -> reshape(n);
            case "Concat" -> concat(n);
            case "Add", "Sub", "Mul", "Div" -> arithmetic(n);
            case "Pad" -> pad(n);
            case "Resize", "Upsample" -> resize(n);
            default -> throw n.unsupported("is not supported by Sieve's ONNX reader yet");
        }
    }

    // ---- values -------------------------------------------------------------------------------

    private Object value(String tensor, OnnxNode n) {
        Object v = values.get(tensor);
        if (v == null && initializers.containsKey(tensor)) {
            v = OnnxTensor.decode(initializers.get(tensor), dir, file);
            values.put(tensor, v);
        }
        if (v == null) {
            throw n.invalid("reads tensor '" + tensor + "', which no earlier node produces");
        }
        return v;
    }

    private Act act(OnnxNode n, int i) {
        if (value(n.input(i), n) instanceof Act a) {
            return a;
        }
        throw n.unsupported("computes on constants only where Sieve expects the image's features");
    }

    private Act image(OnnxNode n, int i) {
        Act a = act(n, i);
        if (a.layout() != Layout.IMAGE) {
            throw n.unsupported("takes a " + a.layout().name().toLowerCase() + " tensor where Sieve supports"
                    + " feature maps [N, C, H, W] only");
        }
        return a;
    }

    private OnnxTensor constant(OnnxNode n, int i) {
        if (value(n.input(i), n) instanceof OnnxTensor t) {
            return t;
        }
        throw n.unsupported("computes input " + i + " from the image; Sieve needs it to be a constant");
    }

    private OnnxTensor optionalConstant(OnnxNode n, int i) {
        return n.input(i).isEmpty() ? null : constant(n, i);
    }

    /** The ONNX shape of a layer's output, batch 1. */
    private long[] onnxShape(Act a) {
        long[] s = net.shape(a.layer());
        return switch (a.layout()) {
            case IMAGE -> new long[] {1, s[2], s[0], s[1]};
            case FLAT -> new long[] {1, s[0]};
            case POOLED -> new long[] {1, s[0], 1, 1};
        };
    }

    private String name(OnnxNode n) {
        return net.name(n.name(), n.op().toLowerCase() + "_" + n.index());
    }

    private void add(OnnxNode n, Layer layer, Map<String, WeightTensor> weights, Layout layout) {
        net.add(layer, weights);
        values.put(n.output(), new Act(layer.name(), layout));
    }

    private void add(String output, Layer layer, Map<String, WeightTensor> weights, Layout layout) {
        net.add(layer, weights);
        values.put(output, new Act(layer.name(), layout));
    }

    // ---- constant folding ---------------------------------------------------------------------

    private OnnxTensor constantNode(OnnxNode n) {
        AttributeProto a = n.tensorAttribute("value");
        if (a != null) {
            return OnnxTensor.decode(a.getT(), dir, file);
        }
        if (n.has("value_float")) {
            return new OnnxTensor(n.output(), new long[0], new float[] {n.number("value_float", 0)}, null);
        }
        if (n.has("value_floats")) {
            float[] v = n.numbers("value_floats");
            return new OnnxTensor(n.output(), new long[] {v.length}, v, null);
        }
        if (n.has("value_int")) {
            return OnnxTensor.ofInts(n.output(), new long[0], new long[] {n.integer("value_int", 0)});
        }
        if (n.has("value_ints")) {
            long[] v = n.integers("value_ints", new long[0]);
            return OnnxTensor.ofInts(n.output(), new long[] {v.length}, v);
        }
        throw n.unsupported("holds a kind of constant Sieve does not read (sparse or string)");
    }

    private void shape(OnnxNode n) {
        Object v = value(n.input(0), n);
        long[] s = v instanceof Act a ? onnxShape(a) : ((OnnxTensor) v).dims();
        values.put(n.output(), OnnxTensor.ofInts(n.output(), new long[] {s.length}, s));
    }

    private void gather(OnnxNode n) {
        OnnxTensor data = constant(n, 0);
        OnnxTensor idx = constant(n, 1);
        if (data.dims().length != 1 || n.integer("axis", 0) != 0 || data.isFloat()) {
            throw n.unsupported("gathers from a tensor other than a shape; Sieve folds shape arithmetic only");
        }
        long[] out = new long[idx.size()];
        for (int i = 0; i < out.length; i++) {
            long k = (long) idx.at(i);
            k = k < 0 ? k + data.size() : k;
            if (k < 0 || k >= data.size()) {
                throw n.invalid("gathers index " + idx.at(i) + " from " + data.size() + " values");
            }
            out[i] = data.ints()[(int) k];
        }
        values.put(n.output(), OnnxTensor.ofInts(n.output(), idx.dims(), out));
    }

    /** Unsqueeze and Squeeze of constants only change the declared dimensions. */
    private void squeeze(OnnxNode n) {
        OnnxTensor t = constant(n, 0);
        long[] axes = n.inputCount() > 1 && !n.input(1).isEmpty() ? constant(n, 1).asLongs()
                : n.integers("axes", new long[0]);
        List<Long> dims = new ArrayList<>(Arrays.stream(t.dims()).boxed().toList());
        if (n.op().equals("Unsqueeze")) {
            long[] sorted = axes.clone();
            int rank = dims.size() + axes.length;
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = sorted[i] < 0 ? sorted[i] + rank : sorted[i];
            }
            Arrays.sort(sorted);
            for (long a : sorted) {
                if (a < 0 || a > dims.size()) {
                    throw n.invalid("inserts axis " + a + " into a tensor of rank " + dims.size());
                }
                dims.add((int) a, 1L);
            }
        } else {
            dims.removeIf(d -> d == 1);
        }
        long[] d = dims.stream().mapToLong(Long::longValue).toArray();
        values.put(n.output(), new OnnxTensor(n.output(), d, t.floats(), t.ints()));
    }

    private void cast(OnnxNode n) {
        OnnxTensor t = constant(n, 0);
        boolean toFloat = n.integer("to", TensorProto.DataType.FLOAT_VALUE) == TensorProto.DataType.FLOAT_VALUE;
        values.put(n.output(), toFloat ? new OnnxTensor(n.output(), t.dims(), t.asFloats(), null)
                : OnnxTensor.ofInts(n.output(), t.dims(), t.asLongs()));
    }

    // ---- fusion -------------------------------------------------------------------------------

    /** The node that alone reads {@code tensor}, or null (several readers, or it is a graph output). */
    private OnnxNode soleReader(String tensor) {
        List<Integer> readers = consumers.getOrDefault(tensor, List.of());
        if (graphOutputs.contains(tensor) || readers.size() != 1 || absorbed[readers.get(0)]) {
            return null;
        }
        return nodes.get(readers.get(0));
    }

    /** An activation absorbed into the layer producing {@code tensor}, and the tensor it leaves. */
    private record Fused(Activation activation, String tensor) {
    }

    /**
     * Absorbs the activations that alone follow {@code tensor}: one of ReLU, ReLU6 (Clip 0..6, also
     * after ReLU), sigmoid, tanh, and PyTorch's hard swish (x * HardSigmoid(x)).
     */
    private Fused fuseActivation(String tensor) {
        Activation a = Activation.LINEAR;
        while (true) {
            OnnxNode swish = a == Activation.LINEAR ? hardSwishAfter(tensor) : null;
            if (swish != null) {
                absorb(swish);
                return new Fused(Activation.HARD_SWISH, swish.output());
            }
            OnnxNode next = soleReader(tensor);
            Activation b = next == null ? null : plainActivation(next);
            Activation combined = b == null ? null : a == Activation.LINEAR ? b
                    : a == Activation.RELU && (b == Activation.RELU || b == Activation.RELU6) ? b : null;
            if (combined == null) {
                return new Fused(a, tensor);
            }
            absorb(next);
            a = combined;
            tensor = next.output();
        }
    }

    private void absorb(OnnxNode n) {
        absorbed[n.index()] = true;
    }

    /** The Mul of x * HardSigmoid(x) when exactly these two nodes read {@code x}, with PyTorch's constants. */
    private OnnxNode hardSwishAfter(String x) {
        List<Integer> readers = consumers.getOrDefault(x, List.of());
        if (graphOutputs.contains(x) || readers.size() != 2) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            OnnxNode hs = nodes.get(readers.get(i));
            OnnxNode mul = nodes.get(readers.get(1 - i));
            if (hs.op().equals("HardSigmoid") && plainActivation(hs) == Activation.HARD_SIGMOID
                    && mul.op().equals("Mul") && soleReader(hs.output()) == mul
                    && Set.of(mul.input(0), mul.input(1)).equals(Set.of(x, hs.output()))) {
                absorb(hs);
                return mul;
            }
        }
        return null;
    }

    /** The activation a node computes when it has no parameters beyond Sieve's, else null. */
    private Activation plainActivation(OnnxNode n) {
        return switch (n.op()) {
            case "Relu" -> Activation.RELU;
            case "Sigmoid" -> Activation.SIGMOID;
            case "Tanh" -> Activation.TANH;
            case "HardSwish" -> Activation.HARD_SWISH;
            case "HardSigmoid" -> Math.abs(n.number("alpha", 0.2f) - 1f / 6) < 1e-6
                    && Math.abs(n.number("beta", 0.5f) - 0.5f) < 1e-6 ? Activation.HARD_SIGMOID : null;
            case "Clip" -> clip(n);
            default -> null;
        };
    }

    /** Clip(0, 6) is ReLU6, Clip(0, +inf) ReLU; other bounds are not activations Sieve has. */
    private Activation clip(OnnxNode n) {
        float lo;
        float hi;
        if (n.has("min") || n.has("max") || n.inputCount() == 1) {
            lo = n.number("min", Float.NEGATIVE_INFINITY);
            hi = n.number("max", Float.POSITIVE_INFINITY);
        } else {
            OnnxTensor min = optionalConstant(n, 1);
            OnnxTensor max = optionalConstant(n, 2);
            lo = min == null ? Float.NEGATIVE_INFINITY : (float) min.at(0);
            hi = max == null ? Float.POSITIVE_INFINITY : (float) max.at(0);
        }
        if (lo == 0f && hi == 6f) {
            return Activation.RELU6;
        }
        return lo == 0f && hi == Float.POSITIVE_INFINITY ? Activation.RELU : null;
    }

    private static boolean nonNegative(Activation a) {
        return a == Activation.RELU || a == Activation.RELU6 || a == Activation.SIGMOID
                || a == Activation.HARD_SIGMOID || a == Activation.SOFTMAX;
    }

    // ---- layers -------------------------------------------------------------------------------

    private void conv(OnnxNode n) {
        Act x = image(n, 0);
        OnnxTensor w = constant(n, 1);
        OnnxTensor b = optionalConstant(n, 2);
        long[] in = net.shape(x.layer());
        int channels = (int) in[2];
        long[] wd = w.dims();
        int group = (int) n.integer("group", 1);
        if (wd.length != 4 || group < 1 || wd[1] * group != channels || wd[0] % group != 0) {
            throw n.invalid("has weights of shape " + Arrays.toString(wd) + " with group " + group
                    + " for " + channels + " input channels");
        }
        int filters = (int) wd[0];
        int kh = (int) wd[2];
        int kw = (int) wd[3];
        float[] weight = w.floats().clone();
        float[] bias = new float[filters];
        boolean hasBias = b != null;
        if (hasBias) {
            checkSize(n, b, filters, "bias");
            System.arraycopy(b.floats(), 0, bias, 0, filters);
        }
        String tensor = n.output();
        OnnxNode bn = soleReader(tensor);
        if (bn != null && bn.op().equals("BatchNormalization") && bn.input(0).equals(tensor)) {
            float[][] p = batchNormParameters(bn, filters);
            int per = weight.length / filters;
            for (int o = 0; o < filters; o++) {
                float scale = p[0][o] / (float) Math.sqrt(p[3][o] + bn.number("epsilon", 1e-5f));
                for (int i = 0; i < per; i++) {
                    weight[o * per + i] *= scale;
                }
                bias[o] = (bias[o] - p[2][o]) * scale + p[1][o];
            }
            hasBias = true;
            absorb(bn);
            tensor = bn.output();
        }
        Fused f = fuseActivation(tensor);
        String name = name(n);
        int[] strides = pair(n, "strides", 1);
        int[] dilations = pair(n, "dilations", 1);
        String input = x.layer();
        String padding = padding(n, in, new int[] {kh, kw}, strides, dilations);
        if (padding == null) {
            input = explicitPadding(n, name, input);
            padding = "valid";
        }
        Map<String, WeightTensor> weights = new HashMap<>();
        Layer layer;
        if (group == 1) {
            float[] hwio = new float[weight.length];
            for (int o = 0; o < filters; o++) {
                for (int i = 0; i < channels; i++) {
                    for (int y = 0; y < kh; y++) {
                        for (int z = 0; z < kw; z++) {
                            hwio[((y * kw + z) * channels + i) * filters + o] = weight[((o * channels + i) * kh + y) * kw + z];
                        }
                    }
                }
            }
            weights.put("kernel", new WeightTensor(new long[] {kh, kw, channels, filters}, hwio));
            layer = new Conv2D(name, List.of(input), filters, new int[] {kh, kw}, strides, padding, dilations, hasBias,
                    f.activation());
        } else if (group == channels && wd[1] == 1) {
            if (dilations[0] != 1 || dilations[1] != 1) {
                throw n.unsupported("is a dilated depthwise convolution; Sieve's depthwise convolution has no dilation");
            }
            int multiplier = filters / channels;
            float[] hwcm = new float[weight.length];
            for (int o = 0; o < filters; o++) {
                for (int y = 0; y < kh; y++) {
                    for (int z = 0; z < kw; z++) {
                        // Output o = c * multiplier + j reads channel c; TensorFlow keeps the same order.
                        hwcm[(y * kw + z) * filters + o] = weight[(o * kh + y) * kw + z];
                    }
                }
            }
            weights.put("depthwise_kernel", new WeightTensor(new long[] {kh, kw, channels, multiplier}, hwcm));
            layer = new DepthwiseConv2D(name, List.of(input), new int[] {kh, kw}, strides, padding, multiplier, hasBias,
                    f.activation());
        } else {
            throw n.unsupported("is a grouped convolution (" + group + " groups of " + wd[1]
                    + " channels); Sieve supports ordinary and depthwise convolutions");
        }
        if (hasBias) {
            weights.put("bias", new WeightTensor(new long[] {filters}, bias));
        }
        add(f.tensor(), layer, weights, Layout.IMAGE);
        if (nonNegative(f.activation())) {
            nonNegative.add(name);
        }
    }

    /** scale, bias, mean, variance of a BatchNormalization node, each with {@code channels} values. */
    private float[][] batchNormParameters(OnnxNode bn, int channels) {
        float[][] p = new float[4][];
        String[] names = {"scale", "bias", "mean", "variance"};
        for (int i = 0; i < 4; i++) {
            OnnxTensor t = constant(bn, i + 1);
            checkSize(bn, t, channels, names[i]);
            p[i] = t.floats();
        }
        return p;
    }

    private void checkSize(OnnxNode n, OnnxTensor t, int size, String what) {
        if (!t.isFloat() || t.size() != size) {
            throw n.invalid("has a " + what + " of " + t.size() + " values where " + size + " are needed");
        }
    }

    private void batchNorm(OnnxNode n) {
        Act x = act(n, 0);
        long[] s = net.shape(x.layer());
        int channels = (int) s[s.length - 1];
        float[][] p = batchNormParameters(n, channels);
        long[] c = {channels};
        Map<String, WeightTensor> w = Map.of("gamma", new WeightTensor(c, p[0]), "beta", new WeightTensor(c, p[1]),
                "moving_mean", new WeightTensor(c, p[2]), "moving_variance", new WeightTensor(c, p[3]));
        add(n, new BatchNormalization(name(n), List.of(x.layer()), n.number("epsilon", 1e-5f),
                n.number("momentum", 0.9f), true, true), w, x.layout());
    }

    private void activation(OnnxNode n) {
        Act x = act(n, 0);
        Activation a;
        float alpha = Activation.DEFAULT_LEAKY_ALPHA;
        OnnxNode swish = n.op().equals("HardSigmoid") ? hardSwishAfter(n.input(0)) : null;
        if (n.op().equals("LeakyRelu")) {
            a = Activation.LEAKY_RELU;
            alpha = n.number("alpha", 0.01f);
        } else if (n.op().equals("Softmax")) {
            long axis = n.integer("axis", -1);
            if (x.layout() == Layout.IMAGE || axis != 1 && axis != -1) {
                throw n.unsupported("applies softmax over axis " + axis + " of a " + onnxShape(x).length
                        + "-D tensor; Sieve supports softmax over the features of [N, features]");
            }
            a = Activation.SOFTMAX;
        } else if (swish != null) {
            absorb(swish);
            add(swish.output(), new ActivationLayer(name(n), List.of(x.layer()), Activation.HARD_SWISH,
                    Activation.HARD_SLOPE),
                    Map.of(), x.layout());
            return;
        } else {
            a = plainActivation(n);
            if (a == null) {
                throw n.unsupported("has parameters Sieve cannot represent (Clip supports 0..6 and 0..inf,"
                        + " HardSigmoid PyTorch's alpha 1/6 and beta 0.5)");
            }
        }
        Fused more = a == Activation.RELU ? fuseActivation(n.output()) : new Fused(Activation.LINEAR, n.output());
        Activation total = more.activation() == Activation.RELU6 ? Activation.RELU6 : a;
        String name = name(n);
        float parameter = total == Activation.LEAKY_RELU ? alpha : total.defaultParameter();
        add(more.tensor(), new ActivationLayer(name, List.of(x.layer()), total, parameter), Map.of(), x.layout());
        if (nonNegative(total)) {
            nonNegative.add(name);
        }
    }

    /** PyTorch's PReLU: a slope per channel ([C, 1, 1]) or one shared slope. */
    private void prelu(OnnxNode n) {
        Act x = act(n, 0);
        OnnxTensor slope = constant(n, 1);
        long[] s = net.shape(x.layer());
        int channels = (int) s[s.length - 1];
        float[] alpha = new float[channels];
        if (slope.size() == channels) {
            System.arraycopy(slope.asFloats(), 0, alpha, 0, channels);
        } else if (slope.size() == 1) {
            java.util.Arrays.fill(alpha, (float) slope.at(0));
        } else {
            throw n.unsupported("has slopes of shape " + Arrays.toString(slope.dims()) + " for " + channels
                    + " channels; Sieve supports one slope per channel or one for all");
        }
        add(n, new PRelu(name(n), List.of(x.layer())), Map.of("alpha", new WeightTensor(new long[] {channels}, alpha)),
                x.layout());
    }

    private void pool(OnnxNode n) {
        Act x = image(n, 0);
        boolean max = n.op().equals("MaxPool");
        long[] in = net.shape(x.layer());
        int[] kernel = toInts(n.integers("kernel_shape", null), n, "kernel_shape");
        int[] strides = pair(n, "strides", 1);
        if (n.has("dilations") && !Arrays.equals(pair(n, "dilations", 1), new int[] {1, 1})) {
            throw n.unsupported("uses dilated pooling");
        }
        if (n.integer("storage_order", 0) != 0 || n.proto().getOutputCount() > 1 && !n.proto().getOutput(1).isEmpty()) {
            throw n.unsupported("also returns the indices of the maxima");
        }
        long[] pads = pads(n, 4);
        if (n.integer("ceil_mode", 0) != 0) {
            for (int d = 0; d < 2; d++) {
                if ((in[d] + pads[d] + pads[d + 2] - kernel[d]) % strides[d] != 0) {
                    throw n.unsupported("rounds its output size up (ceil_mode 1) where that adds a partial window;"
                            + " export with ceil_mode=False");
                }
            }
        }
        String name = name(n);
        String input = x.layer();
        String padding = padding(n, in, kernel, strides, new int[] {1, 1});
        boolean zeroPadExact = max ? nonNegative.contains(input) : n.integer("count_include_pad", 0) == 1;
        if (padding == null || (padding.equals("same") && !max && zeroPadExact)) {
            if (!zeroPadExact) {
                throw n.unsupported(max ? "pads a feature map that may be negative; Sieve pads max pooling with zeros"
                        : "pads without counting the padding (count_include_pad 0) in a way TensorFlow does not");
            }
            input = explicitPadding(n, name, input);
            padding = "valid";
        }
        add(n, new Pooling2D(name, List.of(input), max, kernel, strides, padding), Map.of(), Layout.IMAGE);
        if (max && nonNegative.contains(x.layer())) {
            nonNegative.add(name);
        }
    }

    /**
     * "valid" without padding, "same" where the pads equal TensorFlow's SAME padding for this input,
     * else null: the caller pads explicitly.
     */
    private String padding(OnnxNode n, long[] in, int[] kernel, int[] strides, int[] dilations) {
        String auto = n.text("auto_pad", "NOTSET");
        if (auto.equals("VALID")) {
            return "valid";
        }
        if (auto.equals("SAME_UPPER")) {
            return "same";
        }
        if (!auto.equals("NOTSET")) {
            throw n.unsupported("uses auto_pad " + auto + "; export with explicit pads");
        }
        long[] pads = pads(n, 4);
        if (Arrays.stream(pads).allMatch(p -> p == 0)) {
            return "valid";
        }
        for (int d = 0; d < 2; d++) {
            long out = (in[d] + strides[d] - 1) / strides[d];
            long total = Math.max((out - 1) * strides[d] + (long) (kernel[d] - 1) * dilations[d] + 1 - in[d], 0);
            if (pads[d] != total / 2 || pads[d + 2] != total - total / 2) {
                return null;
            }
        }
        return "same";
    }

    private long[] pads(OnnxNode n, int count) {
        long[] pads = n.integers("pads", new long[count]);
        if (pads.length != count || Arrays.stream(pads).anyMatch(p -> p < 0 || p > OnnxReader.MAX_INPUT_SIDE)) {
            throw n.invalid("has pads " + Arrays.toString(pads));
        }
        return pads;
    }

    /** A zero padding layer named after the padded layer, for pads TensorFlow's SAME does not give. */
    private String explicitPadding(OnnxNode n, String layer, String input) {
        long[] p = pads(n, 4);
        String name = net.name(layer + ".pad", layer + ".pad");
        net.add(new ZeroPadding2D(name, List.of(input), (int) p[0], (int) p[2], (int) p[1], (int) p[3]), Map.of());
        if (nonNegative.contains(input)) {
            nonNegative.add(name);
        }
        return name;
    }

    private int[] pair(OnnxNode n, String key, int fallback) {
        return toInts(n.integers(key, new long[] {fallback, fallback}), n, key);
    }

    private int[] toInts(long[] v, OnnxNode n, String key) {
        if (v == null || v.length != 2 || v[0] < 1 || v[1] < 1 || v[0] > OnnxReader.MAX_INPUT_SIDE
                || v[1] > OnnxReader.MAX_INPUT_SIDE) {
            throw n.unsupported("has " + key + " " + Arrays.toString(v) + "; Sieve supports 2-D images");
        }
        return new int[] {(int) v[0], (int) v[1]};
    }

    private void dense(OnnxNode n) {
        Act x = act(n, 0);
        if (x.layout() == Layout.IMAGE) {
            throw n.unsupported("multiplies a feature map; Sieve's dense layers take flattened features");
        }
        int features = (int) net.shape(x.layer())[0];
        OnnxTensor w = constant(n, 1);
        boolean gemm = n.op().equals("Gemm");
        boolean transposed = gemm && n.integer("transB", 0) == 1;
        if (gemm && n.integer("transA", 0) != 0 || w.dims().length != 2 || !w.isFloat()
                || w.dims()[transposed ? 1 : 0] != features) {
            throw n.unsupported("multiplies " + features + " features by weights of shape "
                    + Arrays.toString(w.dims()) + (transposed ? " (transposed)" : ""));
        }
        int units = (int) w.dims()[transposed ? 0 : 1];
        float alpha = gemm ? n.number("alpha", 1f) : 1f;
        float[] kernel = new float[features * units];
        for (int k = 0; k < features; k++) {
            for (int m = 0; m < units; m++) {
                kernel[k * units + m] = alpha * w.floats()[transposed ? m * features + k : k * units + m];
            }
        }
        String tensor = n.output();
        OnnxTensor c = gemm ? optionalConstant(n, 2) : null;
        float beta = gemm ? n.number("beta", 1f) : 1f;
        if (!gemm) {
            OnnxNode add = soleReader(tensor);
            int other = add == null ? -1 : add.input(0).equals(tensor) ? 1 : 0;
            if (add != null && add.op().equals("Add") && value(add.input(other), add) instanceof OnnxTensor) {
                c = constant(add, other);
                absorb(add);
                tensor = add.output();
            }
        }
        Map<String, WeightTensor> weights = new HashMap<>();
        weights.put("kernel", new WeightTensor(new long[] {features, units}, kernel));
        if (c != null) {
            if (c.size() != units && c.size() != 1) {
                throw n.unsupported("adds a bias of " + c.size() + " values to " + units + " outputs");
            }
            float[] bias = new float[units];
            for (int m = 0; m < units; m++) {
                bias[m] = beta * (float) c.at(c.size() == 1 ? 0 : m);
            }
            weights.put("bias", new WeightTensor(new long[] {units}, bias));
        }
        Fused f = fuseActivation(tensor);
        String name = name(n);
        add(f.tensor(), new Dense(name, List.of(x.layer()), units, c != null, f.activation()), weights, Layout.FLAT);
        if (nonNegative(f.activation())) {
            nonNegative.add(name);
        }
    }

    /** Flatten and Reshape to [N, features]: a channels-first flatten of a feature map, else nothing to do. */
    private void reshape(OnnxNode n) {
        Act x = act(n, 0);
        long[] shape = onnxShape(x);
        long total = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        long[] target;
        if (n.op().equals("Flatten")) {
            long axis = n.integer("axis", 1);
            if (axis != 1) {
                throw n.unsupported("flattens from axis " + axis + "; Sieve keeps the batch axis apart (axis 1)");
            }
            target = new long[] {1, total};
        } else {
            target = constant(n, 1).asLongs();
            int unknown = -1;
            long known = 1;
            for (int i = 0; i < target.length; i++) {
                if (target[i] == 0 && i < shape.length) {
                    target[i] = shape[i];
                }
                if (target[i] == -1) {
                    unknown = i;
                } else {
                    known = Math.multiplyExact(known, target[i]);
                }
            }
            if (unknown >= 0 && known > 0) {
                target[unknown] = total / known;
            }
        }
        if (target.length != 2 || target[0] != 1 || target[1] != total) {
            throw n.unsupported("reshapes " + Arrays.toString(shape) + " to " + Arrays.toString(target)
                    + "; Sieve supports flattening to [N, features] only");
        }
        if (x.layout() != Layout.IMAGE) {
            values.put(n.output(), new Act(x.layer(), Layout.FLAT));
            return;
        }
        String name = name(n);
        String input = x.layer();
        if (shape[2] * shape[3] > 1) {
            // ONNX flattens channels first; Sieve's maps are channels last, so reorder before flattening.
            input = net.name(name + ".nchw", name + ".nchw");
            net.add(new Permute(input, List.of(x.layer()), new int[] {3, 1, 2}), Map.of());
        }
        add(n, Reshape.flatten(name, List.of(input)), Map.of(), Layout.FLAT);
    }

    private void concat(OnnxNode n) {
        List<Object> in = new ArrayList<>();
        for (int i = 0; i < n.inputCount(); i++) {
            in.add(value(n.input(i), n));
        }
        if (in.stream().allMatch(v -> v instanceof OnnxTensor t && !t.isFloat() && t.dims().length <= 1)) {
            long[] all = in.stream().flatMapToLong(v -> Arrays.stream(((OnnxTensor) v).ints())).toArray();
            values.put(n.output(), OnnxTensor.ofInts(n.output(), new long[] {all.length}, all));
            return;
        }
        List<String> layers = new ArrayList<>();
        Layout layout = null;
        for (int i = 0; i < in.size(); i++) {
            Act a = act(n, i);
            if (layout != null && a.layout() != layout) {
                throw n.unsupported("concatenates tensors of different ranks");
            }
            layout = a.layout();
            layers.add(a.layer());
        }
        long rank = layout == Layout.FLAT ? 2 : 4;
        long axis = n.integer("axis", 1);
        if ((axis < 0 ? axis + rank : axis) != 1) {
            throw n.unsupported("concatenates along axis " + axis + "; Sieve supports the channel axis (1)");
        }
        add(n, new Merge(name(n), layers, Merge.Mode.CONCATENATE, -1), Map.of(), layout);
    }

    /** Two feature tensors merge; a feature tensor and a scalar constant rescale. */
    private void arithmetic(OnnxNode n) {
        Object a = value(n.input(0), n);
        Object b = value(n.input(1), n);
        String op = n.op();
        if (a instanceof Act x && b instanceof Act y) {
            if (x.layout() != y.layout() || !Arrays.equals(net.shape(x.layer()), net.shape(y.layer()))) {
                throw n.unsupported("broadcasts tensors of shapes " + Arrays.toString(onnxShape(x)) + " and "
                        + Arrays.toString(onnxShape(y)) + "; Sieve merges tensors of equal shape");
            }
            Merge.Mode mode = switch (op) {
                case "Add" -> Merge.Mode.ADD;
                case "Sub" -> Merge.Mode.SUBTRACT;
                case "Mul" -> Merge.Mode.MULTIPLY;
                default -> Merge.Mode.DIVIDE;
            };
            add(n, new Merge(name(n), List.of(x.layer(), y.layer()), mode, -1), Map.of(), x.layout());
            return;
        }
        if (a instanceof OnnxTensor && b instanceof OnnxTensor) {
            throw n.unsupported("does arithmetic on constants only, which Sieve does not fold");
        }
        boolean constantFirst = a instanceof OnnxTensor;
        Act x = (Act) (constantFirst ? b : a);
        OnnxTensor c = (OnnxTensor) (constantFirst ? a : b);
        if (c.size() != 1) {
            throw n.unsupported("combines features with a constant of shape " + Arrays.toString(c.dims())
                    + "; Sieve supports scalar constants here");
        }
        float v = (float) c.at(0);
        float scale;
        float offset;
        switch (op) {
            case "Add" -> { scale = 1; offset = v; }
            case "Sub" -> { scale = constantFirst ? -1 : 1; offset = constantFirst ? v : -v; }
            case "Mul" -> { scale = v; offset = 0; }
            default -> {
                if (constantFirst || v == 0) {
                    throw n.unsupported("divides " + (constantFirst ? "a constant by the features" : "by zero"));
                }
                scale = 1 / v;
                offset = 0;
            }
        }
        add(n, new Rescaling(name(n), List.of(x.layer()), scale, offset), Map.of(), x.layout());
    }

    private void pad(OnnxNode n) {
        Act x = image(n, 0);
        long[] pads = n.inputCount() > 1 && !n.input(1).isEmpty() ? constant(n, 1).asLongs() : n.integers("pads", null);
        OnnxTensor value = n.inputCount() > 2 ? optionalConstant(n, 2) : null;
        boolean zero = value == null ? n.number("value", 0f) == 0f : value.at(0) == 0;
        if (pads == null || pads.length != 8 || !n.text("mode", "constant").equals("constant") || !zero
                || pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0
                || Arrays.stream(pads).anyMatch(p -> p < 0 || p > OnnxReader.MAX_INPUT_SIDE)) {
            throw n.unsupported("pads with " + Arrays.toString(pads) + " in mode " + n.text("mode", "constant")
                    + "; Sieve supports zero padding of the spatial axes");
        }
        if (Arrays.stream(pads).allMatch(p -> p == 0)) {
            values.put(n.output(), x);
            return;
        }
        String name = name(n);
        add(n, new ZeroPadding2D(name, List.of(x.layer()), (int) pads[2], (int) pads[6], (int) pads[3], (int) pads[7]),
                Map.of(), Layout.IMAGE);
        if (nonNegative.contains(x.layer())) {
            nonNegative.add(name);
        }
    }

    private void resize(OnnxNode n) {
        Act x = image(n, 0);
        long[] in = onnxShape(x);
        OnnxTensor scales = n.op().equals("Upsample") ? constant(n, 1) : n.inputCount() > 2 && !n.input(2).isEmpty()
                ? constant(n, 2) : null;
        OnnxTensor sizes = n.op().equals("Resize") && n.inputCount() > 3 ? optionalConstant(n, 3) : null;
        long h;
        long w;
        if (sizes != null && sizes.size() == 4) {
            h = sizes.asLongs()[2];
            w = sizes.asLongs()[3];
        } else if (scales != null && scales.size() == 4 && scales.at(0) == 1 && scales.at(1) == 1) {
            h = (long) Math.floor(in[2] * scales.at(2));
            w = (long) Math.floor(in[3] * scales.at(3));
        } else {
            throw n.unsupported("resizes by something other than spatial scales or sizes");
        }
        String mode = n.text("mode", "nearest");
        String coordinates = n.text("coordinate_transformation_mode", n.op().equals("Upsample") ? "asymmetric"
                : "half_pixel");
        boolean bilinear = mode.equals("linear") && (coordinates.equals("half_pixel")
                || coordinates.equals("pytorch_half_pixel"));
        boolean nearest = mode.equals("nearest") && coordinates.equals("asymmetric")
                && n.text("nearest_mode", "floor").equals("floor");
        if (!bilinear && !nearest || h < 1 || w < 1 || h > OnnxReader.MAX_INPUT_SIDE || w > OnnxReader.MAX_INPUT_SIDE) {
            throw n.unsupported("resizes to " + h + "x" + w + " in mode " + mode + " with " + coordinates
                    + " coordinates; Sieve supports bilinear (align_corners=False) and nearest upsampling");
        }
        add(n, new Resizing(name(n), List.of(x.layer()), (int) h, (int) w, bilinear), Map.of(), Layout.IMAGE);
    }
}
