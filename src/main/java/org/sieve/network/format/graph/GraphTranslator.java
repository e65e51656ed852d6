package org.sieve.network.format.graph;

import org.sieve.network.format.common.ReadNotes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.sieve.network.OpGraphLayer;
import org.sieve.network.OpStep;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Merge;
import org.sieve.network.Network;
import org.sieve.network.PRelu;
import org.sieve.network.Pooling2D;
import org.sieve.network.Rescaling;
import org.sieve.network.Reshape;
import org.sieve.network.Resizing;
import org.sieve.network.WeightTensor;
import org.sieve.network.ZeroPadding2D;
import org.sieve.network.format.common.NetworkAssembly;
import org.sieve.network.format.common.NodeNames;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Translates the nodes of a TensorFlow GraphDef that compute one output into Sieve layers, in
 * topological order. Grappler's and TF.js' fused ops (_FusedConv2D, FusedDepthwiseConv2dNative,
 * _FusedMatMul) become one layer each, and a convolution also absorbs the bias add, batch norm
 * and activation that only it feeds; a layer keeps the name of the last node it absorbed.
 */
final class GraphTranslator {

    /** A constant TensorFlow fills by repeating its last stored value (zeros, ones) is expanded to at most this. */
    static final int MAX_REPEATED_VALUES = 1 << 24;

    /** The side at which a graph that takes images of any size is read. */
    static final int ANY_SIZE_INPUT = 256;

    private final String file;
    private final Map<String, NodeDef> byName = new LinkedHashMap<>();
    private final Map<String, List<String>> readers = new HashMap<>();
    private final Map<String, WeightTensor> stored;
    private final Set<String> absorbed = new HashSet<>();
    private final Map<String, Object> values = new HashMap<>();
    /** The type of each constant in {@code values}: weights are float, shapes and axes int32. */
    private final Map<String, DataType> types = new HashMap<>();
    private final GraphOps ops;
    private final BatchOfOne batchOfOne = new BatchOfOne();
    private final String output;
    private final String scope;
    private NetworkAssembly net;
    /** Whether the graph takes its image channels first (NCHW). */
    private boolean channelsFirst;

    private GraphTranslator(GraphDef g, Map<String, WeightTensor> stored, String output, String file) {
        this.file = file;
        this.stored = stored;
        this.output = output;
        for (NodeDef n : g.getNodeList()) {
            if (byName.put(n.getName(), n) != null) {
                throw new SieveException("Model " + file + " names two nodes '" + n.getName()
                        + "'. The file is damaged; convert the model again.");
            }
        }
        for (NodeDef n : g.getNodeList()) {
            for (String in : n.getInputList()) {
                if (!in.startsWith("^")) {
                    readers.computeIfAbsent(source(in), k -> new ArrayList<>()).add(n.getName());
                }
            }
        }
        this.scope = commonScope(g);
        this.ops = new GraphOps(this, file);
    }

    /** Nodes nobody reads, other than constants: a graph's outputs when it has no signature. */
    static List<String> sinks(GraphDef g) {
        Set<String> read = new HashSet<>();
        g.getNodeList().forEach(n -> n.getInputList().forEach(i -> read.add(source(i))));
        return g.getNodeList().stream().filter(n -> !read.contains(n.getName()) && !n.getOp().equals("Const")
                && !n.getOp().equals("NoOp")).map(NodeDef::getName).toList();
    }

    static Network translate(GraphDef g, Map<String, WeightTensor> stored, String output, String file) {
        GraphTranslator t = new GraphTranslator(g, stored, output, file);
        List<NodeDef> order = t.ancestorsInOrder();
        List<NodeDef> inputs = order.stream().filter(n -> n.getOp().equals("Placeholder")).toList();
        if (inputs.size() != 1) {
            throw new SieveException("Model " + file + ": output '" + output + "' depends on " + inputs.size()
                    + " inputs; Sieve analyses networks that take one image.");
        }
        InputLayer input = t.input(inputs.get(0));
        try (NetworkAssembly net = new NetworkAssembly(file, input); GraphOps ops = t.ops) {
            t.net = net;
            t.values.put(inputs.get(0).getName(), input.name());
            if (t.channelsFirst) {
                // Sieve feeds images channels last; the graph reads them channels first.
                String name = net.name(input.name() + ".channels_first", input.name() + ".channels_first");
                t.put(inputs.get(0).getName(), OpGraphLayer.of(name, List.of(input.name()), new OpStep("Transpose",
                        List.of(OpStep.Arg.input(0), OpStep.Arg.ints(0, 3, 1, 2)),
                        Map.of("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build(),
                                "Tperm", AttrValue.newBuilder().setType(DataType.DT_INT32).build()), 0)), Map.of());
            }
            for (NodeDef n : order) {
                if (!t.absorbed.contains(n.getName()) && !n.getOp().equals("Placeholder")) {
                    t.node(n);
                }
            }
            if (!(t.values.get(output) instanceof String layer)) {
                throw new SieveException("Model " + file + ": output '" + output + "' does not depend on the input image.");
            }
            return net.network(layer);
        }
    }

    // ---- graph structure ----------------------------------------------------------------------

    /** "conv:0" and "conv" name node "conv"; "^conv" is a control dependency on it. */
    static String source(String input) {
        String s = input.startsWith("^") ? input.substring(1) : input;
        int colon = s.lastIndexOf(':');
        return colon > 0 ? s.substring(0, colon) : s;
    }

    /** The scope every computing node shares ("StatefulPartitionedCall/model_1/"), left out of layer names. */
    private static String commonScope(GraphDef g) {
        String common = null;
        for (NodeDef n : g.getNodeList()) {
            if (Set.of("Const", "Placeholder", "Identity", "NoOp").contains(n.getOp())) {
                continue;
            }
            String s = n.getName().contains("/") ? n.getName().substring(0, n.getName().lastIndexOf('/') + 1) : "";
            if (common == null) {
                common = s;
            }
            while (!s.startsWith(common)) {
                String trimmed = common.substring(0, common.length() - 1);
                common = trimmed.contains("/") ? trimmed.substring(0, trimmed.lastIndexOf('/') + 1) : "";
            }
        }
        return common == null ? "" : common;
    }

    /** The output's ancestors (data inputs only), each after its inputs. */
    private List<NodeDef> ancestorsInOrder() {
        List<NodeDef> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {output, 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.get(stack.size() - 1);
            String name = (String) top[0];
            NodeDef n = byName.get(name);
            if (n == null) {
                throw new SieveException("Model " + file + ": a node reads '" + name + "', which the graph does not"
                        + " define. The file is damaged; convert the model again.");
            }
            int next = (int) top[1];
            visiting.add(name);
            List<String> ins = n.getInputList().stream().filter(i -> !i.startsWith("^")).map(GraphTranslator::source).toList();
            if (next < ins.size()) {
                top[1] = next + 1;
                String in = ins.get(next);
                if (visiting.contains(in) && !done.contains(in)) {
                    throw new SieveException("Model " + file + ": node '" + in + "' feeds itself through a cycle, a"
                            + " loop inside the graph that computes the output. Sieve follows gradients through"
                            + " feed-forward graphs only: this is Sieve's limit, not the file's fault; name a node"
                            + " before the loop with --output NODE.");
                }
                if (!done.contains(in)) {
                    stack.add(new Object[] {in, 0});
                }
            } else {
                stack.remove(stack.size() - 1);
                if (done.add(name)) {
                    order.add(n);
                }
            }
        }
        return order;
    }

    private InputLayer input(NodeDef n) {
        AttrValue shape = n.getAttrMap().get("shape");
        long[] dims = shape == null ? new long[0]
                : shape.getShape().getDimList().stream().mapToLong(d -> d.getSize()).toArray();
        DataType type = n.containsAttr("dtype") ? n.getAttrMap().get("dtype").getType() : DataType.DT_FLOAT;
        if (dims.length == 4 && dims[1] == -1 && dims[2] == -1) {
            // A graph that takes any size: Sieve needs one to fix its shapes.
            dims[1] = ANY_SIZE_INPUT;
            dims[2] = ANY_SIZE_INPUT;
            ReadNotes.add("Model " + file + " takes images of any size; Sieve reads it at " + ANY_SIZE_INPUT + "x"
                    + ANY_SIZE_INPUT + " (choose another size with sieve import --input HxW).");
        }
        channelsFirst = dims.length == 4 && dims[1] >= 1 && dims[1] <= 4 && dims[3] > 4;
        if (channelsFirst) {
            dims = new long[] {dims[0], dims[2], dims[3], dims[1]};
        }
        // Pixels given as integers (0-255) are fed as the same values in float.
        boolean image = dims.length == 4 && (dims[0] == -1 || dims[0] == 1) && dims[1] > 0 && dims[1] <= 8192
                && dims[2] > 0 && dims[2] <= 8192 && dims[3] >= 1 && dims[3] <= 4
                && (type == DataType.DT_FLOAT || type == DataType.DT_INT32 || type == DataType.DT_UINT8);
        if (!image) {
            throw new SieveException("Model " + file + " takes input '" + n.getName() + "' of shape "
                    + Arrays.toString(dims).replace("-1", "?") + "; Sieve analyses float images [1, height, width,"
                    + " channels (1-4)] with the sizes given (at most 8192). Convert the model with a fixed input size.");
        }
        return new InputLayer(layerName(n.getName()), (int) dims[1], (int) dims[2], (int) dims[3]);
    }

    String layerName(String node) {
        String n = node.startsWith(scope) ? node.substring(scope.length()) : node;
        return net == null ? n.replace('/', '.') : net.name(n, n);
    }

    // ---- values -------------------------------------------------------------------------------

    /** "conv" and "conv:0" are the node's first output, "split:1" its second. */
    static String key(String input) {
        String s = input.startsWith("^") ? input.substring(1) : input;
        return s.endsWith(":0") ? s.substring(0, s.length() - 2) : s;
    }

    Object value(String input, NodeDef reader) {
        String name = source(input);
        String key = key(input);
        Object v = values.get(key);
        if (v == null && key.equals(name)) {
            NodeDef n = byName.get(name);
            if (n != null && n.getOp().equals("Const")) {
                v = constant(n);
                values.put(name, v);
            }
        }
        if (v == null) {
            throw unsupported(reader, "reads '" + key + "', which Sieve could not translate");
        }
        if (batchOfOne.unbatched(key)) {
            throw GraphOps.acrossBatch(file, reader, "computes on the example taken out of its batch");
        }
        return v;
    }

    private String act(NodeDef n, int i) {
        if (value(n.getInput(i), n) instanceof String layer) {
            return layer;
        }
        throw unsupported(n, "computes on constants where Sieve expects the image's features");
    }

    private WeightTensor weight(NodeDef n, int i) {
        if (value(n.getInput(i), n) instanceof WeightTensor w) {
            checkFinite(source(n.getInput(i)), w);
            return w;
        }
        throw unsupported(n, "computes input " + i + " from the image; Sieve needs a constant there");
    }

    /** A Const node's value: from the shards (TF.js) or inline (frozen graphs), bounded and finite. */
    private WeightTensor constant(NodeDef n) {
        WeightTensor w = stored.get(n.getName());
        if (w != null) {
            types.put(n.getName(), n.containsAttr("dtype") ? n.getAttrMap().get("dtype").getType() : DataType.DT_FLOAT);
            return w;
        }
        AttrValue value = n.getAttrMap().get("value");
        if (value == null || !value.hasTensor()) {
            throw invalid(n, "has no value");
        }
        TensorProto t = value.getTensor();
        long[] shape = t.getTensorShape().getDimList().stream().mapToLong(d -> d.getSize()).toArray();
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw invalid(n, "declares shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, d);
            if (count > (Integer.MAX_VALUE - 8) / 4) {
                throw invalid(n, "declares shape " + Arrays.toString(shape) + ", more values than Sieve reads per tensor");
            }
        }
        DataType type = t.getDtype();
        ByteBuffer raw = t.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        boolean fl = type == DataType.DT_FLOAT;
        if (!fl && type != DataType.DT_INT32) {
            throw unsupported(n, "holds a constant of type " + type + "; Sieve reads float32 and int32 constants");
        }
        // What the file stores is checked before allocating, so a few bytes cannot declare gigabytes.
        int stored = fl ? t.getFloatValCount() : t.getIntValCount();
        if (raw.remaining() > 0 && raw.remaining() != 4L * count) {
            throw invalid(n, "holds " + raw.remaining() + " bytes for " + count + " values");
        }
        if (raw.remaining() == 0 && (stored == 0 && count > 0 || stored > count)) {
            throw invalid(n, "holds " + stored + " values for shape " + Arrays.toString(shape));
        }
        if (raw.remaining() == 0 && stored < count && count > MAX_REPEATED_VALUES) {
            throw invalid(n, "repeats its " + stored + " stored values to fill shape " + Arrays.toString(shape)
                    + ", more than the " + MAX_REPEATED_VALUES + " values Sieve expands a constant to");
        }
        float[] v = new float[(int) count];
        if (raw.remaining() > 0) {
            for (int i = 0; i < count; i++) {
                v[i] = fl ? raw.getFloat() : raw.getInt();
            }
        } else {
            for (int i = 0; i < count; i++) {
                int k = Math.min(i, stored - 1);
                v[i] = fl ? t.getFloatVal(k) : t.getIntVal(k);
            }
        }
        types.put(n.getName(), type);
        return new WeightTensor(shape, v);
    }

    /**
     * Weights must be finite; constants that are pad values, thresholds or masks (infinity as
     * "no limit") may not be, so only the constants a layer multiplies or adds are checked.
     */
    void checkFinite(String node, WeightTensor w) {
        float[] v = w.values();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new SieveException("Model " + file + ": weight '" + node + "' holds " + v[i] + " at index "
                        + i + "; Sieve refuses weights that are not finite numbers. Retrain or re-export the model.");
            }
        }
    }

    void put(String node, Layer layer, Map<String, WeightTensor> weights) {
        net.add(layer, weights);
        values.put(node, layer.name());
    }

    /** Records a value computed while reading (a shape, a folded constant) as node output {@code key}. */
    void constant(String key, WeightTensor value, DataType type) {
        values.put(key, value);
        types.put(key, type);
    }

    /** The type of a constant operand. */
    DataType type(String input) {
        return types.getOrDefault(key(input), DataType.DT_FLOAT);
    }

    NetworkAssembly net() {
        return net;
    }

    /** The outputs of {@code node} that some node reads (0 for its first), in order. */
    List<Integer> outputsRead(String node) {
        Set<Integer> read = new java.util.TreeSet<>();
        for (NodeDef n : byName.values()) {
            for (String in : n.getInputList()) {
                if (!in.startsWith("^") && source(in).equals(node)) {
                    String k = key(in);
                    read.add(k.equals(node) ? 0 : Integer.parseInt(k.substring(k.lastIndexOf(':') + 1)));
                }
            }
        }
        if (read.isEmpty()) {
            read.add(0);
        }
        return List.copyOf(read);
    }

    // ---- translation --------------------------------------------------------------------------

    private void node(NodeDef n) {
        Set<String> before = Set.copyOf(absorbed);
        try {
            pattern(n);
        } catch (Unsupported e) {
            // Not one of the layer patterns Sieve names (a convolution with its bias and activation,
            // a flatten, ...): the node becomes the TensorFlow op it is.
            absorbed.retainAll(before);
            ops.translate(n);
        }
    }

    private void pattern(NodeDef n) {
        switch (n.getOp()) {
            case "Const", "NoOp" -> { }
            case "Identity", "StopGradient" -> values.put(n.getName(), value(n.getInput(0), n));
            case "Cast" -> {
                // Features are float already: a cast to float (of integer pixels, say) changes nothing.
                DataType from = n.getAttrMap().getOrDefault("SrcT", AttrValue.getDefaultInstance()).getType();
                boolean pixels = byName.get(source(n.getInput(0))).getOp().equals("Placeholder");
                if (!(value(n.getInput(0), n) instanceof String layer) || !pixels && from != DataType.DT_FLOAT
                        || n.getAttrMap().get("DstT").getType() != DataType.DT_FLOAT) {
                    throw unsupported(n, "casts to " + n.getAttrMap().get("DstT").getType());
                }
                values.put(n.getName(), layer);
            }
            case "Conv2D", "_FusedConv2D", "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> conv(n);
            case "MatMul", "_FusedMatMul" -> dense(n);
            case "Relu", "Relu6", "Sigmoid", "Tanh", "LeakyRelu", "Softmax" -> activation(n);
            case "Prelu" -> put(n.getName(), new PRelu(layerName(n.getName()), List.of(act(n, 0))),
                    Map.of("alpha", perChannel(n, weight(n, 1), net.shape(act(n, 0)))));
            case "MaxPool", "MaxPoolV2", "AvgPool" -> pool(n);
            case "Mean", "Max" -> globalPool(n);
            case "FusedBatchNorm", "FusedBatchNormV2", "FusedBatchNormV3" -> batchNorm(n);
            case "Add", "AddV2", "Sub", "Mul", "RealDiv", "BiasAdd" -> arithmetic(n);
            case "ConcatV2" -> concat(n);
            case "Reshape" -> reshape(n);
            case "Pad" -> pad(n);
            case "ResizeBilinear", "ResizeNearestNeighbor" -> resize(n);
            case "Unpack", "Squeeze", "ExpandDims", "Pack" -> batchAxis(n);
            default -> throw unsupported(n, "is not one of Sieve's layer patterns");
        }
    }

    /** An op that only takes a batch of one's batch axis away or puts it back passes its layer through. */
    private void batchAxis(NodeDef n) {
        String key = key(n.getInput(0));
        Object in = values.get(key);
        Object axis = n.getOp().equals("ExpandDims") ? value(n.getInput(1), n) : null;
        String layer = in instanceof String l
                ? batchOfOne.passThrough(n, key, l, net.shape(l).length, axis instanceof WeightTensor w ? w : null)
                : null;
        if (layer == null) {
            throw unsupported(n, "does not only take a batch of one's batch axis away or put it back");
        }
        values.put(n.getName(), layer);
    }

    private String text(NodeDef n, String key, String fallback) {
        AttrValue a = n.getAttrMap().get(key);
        if (a == null) {
            return fallback;
        }
        String text = a.getS().toStringUtf8();
        NodeNames.checkPrintable(text, "node '" + n.getName() + "' has attribute '" + key + "' holding", file);
        return text;
    }

    private static long[] ints(NodeDef n, String key) {
        AttrValue a = n.getAttrMap().get(key);
        return a == null ? new long[0] : a.getList().getIList().stream().mapToLong(Long::longValue).toArray();
    }

    private List<String> fusedOps(NodeDef n) {
        AttrValue a = n.getAttrMap().get("fused_ops");
        List<String> ops = a == null ? List.of() : a.getList().getSList().stream().map(b -> b.toStringUtf8()).toList();
        NodeNames.checkPrintable(ops, "node '" + n.getName() + "' fuses op", file);
        return ops;
    }

    private int[] spatial(NodeDef n, WeightTensor t) {
        long[] v = new long[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (long) t.values()[i];
        }
        return spatial(n, "window", v);
    }

    private int[] spatial(NodeDef n, String key) {
        return spatial(n, key, ints(n, key));
    }

    /** [1, h, w, 1] strides, dilations or windows as [h, w]; absent means 1. */
    private int[] spatial(NodeDef n, String key, long[] v) {
        if (v.length == 0) {
            return new int[] {1, 1};
        }
        if (v.length != 4 || v[0] != 1 || v[3] != 1 || v[1] < 1 || v[2] < 1 || v[1] > 8192 || v[2] > 8192) {
            throw unsupported(n, "has " + key + " " + Arrays.toString(v) + "; Sieve supports [1, h, w, 1]");
        }
        return new int[] {(int) v[1], (int) v[2]};
    }

    private void checkNhwc(NodeDef n) {
        String format = text(n, "data_format", "NHWC");
        if (!format.equals("NHWC")) {
            throw unsupported(n, "uses data format " + format + "; Sieve supports NHWC");
        }
    }

    /** The node that alone reads {@code node}'s output and is not yet absorbed, else null. */
    private NodeDef soleReader(String node) {
        List<String> r = readers.getOrDefault(node, List.of());
        if (node.equals(output) || r.size() != 1 || absorbed.contains(r.get(0))) {
            return null;
        }
        return byName.get(r.get(0));
    }

    private static Activation activationOf(String op) {
        return switch (op) {
            case "Relu" -> Activation.RELU;
            case "Relu6" -> Activation.RELU6;
            case "Sigmoid" -> Activation.SIGMOID;
            case "Tanh" -> Activation.TANH;
            default -> null;
        };
    }

    private void conv(NodeDef n) {
        checkNhwc(n);
        boolean depthwise = n.getOp().contains("Depthwise");
        String x = act(n, 0);
        WeightTensor w = weight(n, 1);
        long[] ws = w.shape();
        long channels = net.shape(x)[2];
        if (ws.length != 4 || ws[2] != channels) {
            throw invalid(n, "has a kernel of shape " + Arrays.toString(ws) + " for " + channels + " input channels");
        }
        int filters = (int) (depthwise ? ws[2] * ws[3] : ws[3]);
        float[] kernel = w.values().clone();
        float[] bias = new float[filters];
        boolean hasBias = false;
        Activation activation = Activation.LINEAR;
        WeightTensor preluAlpha = null;
        List<String> fused = fusedOps(n);
        int arg = 2;
        for (String op : fused) {
            switch (op) {
                case "Prelu" -> preluAlpha = weight(n, arg++);
                case "BiasAdd" -> {
                    addBias(n, bias, weight(n, arg++));
                    hasBias = true;
                }
                case "FusedBatchNorm" -> {
                    foldBatchNorm(n, kernel, bias, filters, weight(n, arg), weight(n, arg + 1), weight(n, arg + 2),
                            weight(n, arg + 3), n.getAttrMap().containsKey("epsilon") ? n.getAttrMap().get("epsilon").getF()
                                    : 1e-3f);
                    arg += 4;
                    hasBias = true;
                }
                default -> {
                    activation = activationOf(op);
                    if (activation == null || activation == Activation.LINEAR && !op.equals("Identity")) {
                        throw unsupported(n, "fuses " + op + "; Sieve fuses BiasAdd, FusedBatchNorm, Relu, Relu6,"
                                + " Sigmoid and Tanh");
                    }
                }
            }
        }
        String last = n.getName();
        // Absorb what only this convolution feeds: a bias add, a batch norm, then an activation.
        for (NodeDef r = soleReader(last); r != null && activation == Activation.LINEAR; r = soleReader(last)) {
            if ((r.getOp().equals("BiasAdd") || r.getOp().equals("Add") || r.getOp().equals("AddV2"))
                    && source(r.getInput(0)).equals(last) && constantInput(r, 1) instanceof WeightTensor b
                    && b.size() == filters) {
                addBias(r, bias, b);
                hasBias = true;
            } else if (r.getOp().startsWith("FusedBatchNorm") && source(r.getInput(0)).equals(last)
                    && !r.getAttrMap().getOrDefault("is_training", AttrValue.getDefaultInstance()).getB()) {
                foldBatchNorm(r, kernel, bias, filters, weight(r, 1), weight(r, 2), weight(r, 3), weight(r, 4),
                        r.getAttrMap().get("epsilon").getF());
                hasBias = true;
            } else if (activationOf(r.getOp()) != null) {
                activation = activationOf(r.getOp());
            } else {
                break;
            }
            absorbed.add(r.getName());
            last = r.getName();
        }
        Hard hard = activation == Activation.LINEAR && preluAlpha == null ? hardActivationAt(last) : null;
        boolean fuseHard = hard != null && hard.slope() == Activation.HARD_SLOPE;
        if (hard != null) {
            absorbed.addAll(hard.nodes());
        }
        if (fuseHard) {
            activation = hard.activation();
            last = hard.last();
        }
        // TF.js fuses Prelu into the convolution; split, the Prelu keeps the fused node's name.
        String name = layerName(preluAlpha == null ? last : last + "/conv");
        int[] strides = spatial(n, "strides");
        int[] dilations = spatial(n, "dilations");
        String padding = text(n, "padding", "VALID");
        String in = x;
        if (padding.equals("EXPLICIT")) {
            long[] p = ints(n, "explicit_paddings");
            if (p.length != 8 || p[0] != 0 || p[1] != 0 || p[6] != 0 || p[7] != 0
                    || Arrays.stream(p).anyMatch(v -> v < 0 || v > 8192)) {
                throw unsupported(n, "has explicit paddings " + Arrays.toString(p));
            }
            in = net.name(name + ".pad", name + ".pad");
            net.add(new ZeroPadding2D(in, List.of(x), (int) p[2], (int) p[3], (int) p[4], (int) p[5]), Map.of());
            padding = "VALID";
        }
        String keras = padding.equals("SAME") ? "same" : "valid";
        Map<String, WeightTensor> weights = new HashMap<>();
        Layer layer;
        if (depthwise) {
            if (dilations[0] != 1 || dilations[1] != 1) {
                throw unsupported(n, "is a dilated depthwise convolution; Sieve's depthwise convolution has no dilation");
            }
            weights.put("depthwise_kernel", new WeightTensor(ws.clone(), kernel));
            layer = new DepthwiseConv2D(name, List.of(in), new int[] {(int) ws[0], (int) ws[1]}, strides, keras,
                    (int) ws[3], hasBias, activation);
        } else {
            weights.put("kernel", new WeightTensor(ws.clone(), kernel));
            layer = new Conv2D(name, List.of(in), filters, new int[] {(int) ws[0], (int) ws[1]}, strides, keras,
                    dilations, hasBias, activation);
        }
        if (hasBias) {
            weights.put("bias", new WeightTensor(new long[] {filters}, bias));
        }
        put(last, layer, weights);
        if (preluAlpha != null) {
            put(last, new PRelu(layerName(last), List.of(name)), Map.of("alpha", perChannel(n, preluAlpha,
                    new long[] {filters})));
        }
        if (hard != null && !fuseHard) {
            // A slope stored rounded (float16 1/6) is kept exactly, in a layer of its own.
            put(hard.last(), new ActivationLayer(layerName(hard.last()), List.of(name), hard.activation(), hard.slope()),
                    Map.of());
        }
    }

    /** A per-channel parameter stored as [C], [1, 1, C] or a scalar, as [C] for {@code shape}'s channels. */
    private WeightTensor perChannel(NodeDef n, WeightTensor t, long[] shape) {
        int channels = (int) shape[shape.length - 1];
        if (t.size() == channels) {
            return new WeightTensor(new long[] {channels}, t.values());
        }
        if (t.size() != 1) {
            throw unsupported(n, "has a parameter of shape " + Arrays.toString(t.shape()) + " for " + channels
                    + " channels; Sieve supports one value per channel");
        }
        float[] v = new float[channels];
        Arrays.fill(v, t.values()[0]);
        return new WeightTensor(new long[] {channels}, v);
    }

    /** A hard swish or hard sigmoid that a converter wrote out as ops: its slope, its nodes, the last one. */
    private record Hard(Activation activation, float slope, List<String> nodes, String last) {
    }

    private Hard hardActivationAt(String x) {
        Hard swish = hardSwishAt(x);
        return swish != null ? swish : hardSigmoidAt(x);
    }

    /** x * k * relu6(x + 3) as Mul(k, x), Add(x, 3), Relu6 and a Mul of the two, read by nothing else. */
    private Hard hardSwishAt(String x) {
        List<String> r = readers.getOrDefault(x, List.of());
        if (x.equals(output) || r.size() != 2) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            NodeDef mul = byName.get(r.get(i));
            NodeDef add = byName.get(r.get(1 - i));
            Float k = scalarOperand(mul, "Mul", x);
            Float three = scalarOperand(add, "Add", x);
            NodeDef relu6 = three == null || three != 3f ? null : soleReader(add.getName());
            NodeDef end = relu6 == null || !relu6.getOp().equals("Relu6") ? null : soleReader(relu6.getName());
            if (k != null && end != null && end.getOp().equals("Mul") && soleReader(mul.getName()) == end) {
                return new Hard(Activation.HARD_SWISH, k,
                        List.of(mul.getName(), add.getName(), relu6.getName(), end.getName()), end.getName());
            }
        }
        return null;
    }

    /** k * relu6(x + 3) as Add(x, 3), Relu6, Mul(k, ...), each read only by the next. */
    private Hard hardSigmoidAt(String x) {
        NodeDef add = x.equals(output) ? null : soleReader(x);
        Float three = add == null ? null : scalarOperand(add, "Add", x);
        NodeDef relu6 = three == null || three != 3f ? null : soleReader(add.getName());
        NodeDef mul = relu6 == null || !relu6.getOp().equals("Relu6") ? null : soleReader(relu6.getName());
        Float k = mul == null ? null : scalarOperand(mul, "Mul", relu6.getName());
        return k == null ? null
                : new Hard(Activation.HARD_SIGMOID, k, List.of(add.getName(), relu6.getName(), mul.getName()), mul.getName());
    }

    /** The scalar constant that a Mul or Add node combines with {@code x}, else null. */
    private Float scalarOperand(NodeDef n, String op, String x) {
        boolean matches = op.equals("Add") ? n.getOp().equals("Add") || n.getOp().equals("AddV2") : n.getOp().equals(op);
        if (!matches || n.getInputCount() != 2) {
            return null;
        }
        int other = source(n.getInput(0)).equals(x) ? 1 : source(n.getInput(1)).equals(x) ? 0 : -1;
        return other >= 0 && constantInput(n, other) instanceof WeightTensor w && w.size() == 1 ? w.values()[0] : null;
    }

    /** Input {@code i} of {@code n} when a Const node gives it, else null (looking ahead, nothing is translated). */
    private Object constantInput(NodeDef n, int i) {
        NodeDef c = i < n.getInputCount() ? byName.get(source(n.getInput(i))) : null;
        return c != null && c.getOp().equals("Const") ? value(n.getInput(i), n) : null;
    }

    private void addBias(NodeDef n, float[] bias, WeightTensor b) {
        if (b.size() != bias.length) {
            throw invalid(n, "adds a bias of " + b.size() + " values to " + bias.length + " channels");
        }
        for (int i = 0; i < bias.length; i++) {
            bias[i] += b.values()[i];
        }
    }

    /** Batch norm after a convolution: scales each output channel's kernel and shifts its bias. */
    private void foldBatchNorm(NodeDef n, float[] kernel, float[] bias, int filters, WeightTensor gamma,
            WeightTensor beta, WeightTensor mean, WeightTensor variance, float epsilon) {
        for (WeightTensor t : List.of(gamma, beta, mean, variance)) {
            if (t.size() != filters) {
                throw invalid(n, "has batch-norm parameters of " + t.size() + " values for " + filters + " channels");
            }
        }
        float[] scale = new float[filters];
        for (int o = 0; o < filters; o++) {
            scale[o] = gamma.values()[o] / (float) Math.sqrt(variance.values()[o] + epsilon);
            bias[o] = (bias[o] - mean.values()[o]) * scale[o] + beta.values()[o];
        }
        // HWIO and depthwise HWCM kernels both keep the output channel fastest-varying.
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] *= scale[i % filters];
        }
    }

    private void dense(NodeDef n) {
        String x = act(n, 0);
        WeightTensor w = weight(n, 1);
        boolean transposeA = n.getAttrMap().getOrDefault("transpose_a", AttrValue.getDefaultInstance()).getB();
        boolean transposeB = n.getAttrMap().getOrDefault("transpose_b", AttrValue.getDefaultInstance()).getB();
        long[] xs = net.shape(x);
        if (transposeA || xs.length != 1 || w.shape().length != 2 || w.shape()[transposeB ? 1 : 0] != xs[0]) {
            throw unsupported(n, "multiplies features " + Arrays.toString(xs) + " by " + Arrays.toString(w.shape()));
        }
        int features = (int) xs[0];
        int units = (int) w.shape()[transposeB ? 0 : 1];
        float[] kernel = new float[features * units];
        for (int k = 0; k < features; k++) {
            for (int m = 0; m < units; m++) {
                kernel[k * units + m] = w.values()[transposeB ? m * features + k : k * units + m];
            }
        }
        float[] bias = new float[units];
        boolean hasBias = false;
        Activation activation = Activation.LINEAR;
        int arg = 2;
        for (String op : fusedOps(n)) {
            if (op.equals("BiasAdd")) {
                addBias(n, bias, weight(n, arg++));
                hasBias = true;
            } else if (activationOf(op) != null) {
                activation = activationOf(op);
            } else {
                throw unsupported(n, "fuses " + op + "; Sieve fuses BiasAdd, Relu, Relu6, Sigmoid and Tanh");
            }
        }
        String last = n.getName();
        NodeDef r = soleReader(last);
        if (!hasBias && r != null && (r.getOp().equals("BiasAdd") || r.getOp().startsWith("Add"))
                && constantInput(r, 1) instanceof WeightTensor b && b.size() == units) {
            addBias(r, bias, b);
            hasBias = true;
            absorbed.add(r.getName());
            last = r.getName();
            r = soleReader(last);
        }
        if (activation == Activation.LINEAR && r != null && activationOf(r.getOp()) != null) {
            activation = activationOf(r.getOp());
            absorbed.add(r.getName());
            last = r.getName();
        }
        Map<String, WeightTensor> weights = new HashMap<>();
        weights.put("kernel", new WeightTensor(new long[] {features, units}, kernel));
        if (hasBias) {
            weights.put("bias", new WeightTensor(new long[] {units}, bias));
        }
        put(last, new Dense(layerName(last), List.of(x), units, hasBias, activation), weights);
    }

    private void activation(NodeDef n) {
        String x = act(n, 0);
        Activation a = n.getOp().equals("LeakyRelu") ? Activation.LEAKY_RELU
                : n.getOp().equals("Softmax") ? Activation.SOFTMAX : activationOf(n.getOp());
        float alpha = n.getAttrMap().containsKey("alpha") ? n.getAttrMap().get("alpha").getF() : 0.2f;
        put(n.getName(), new ActivationLayer(layerName(n.getName()), List.of(x), a, alpha), Map.of());
    }

    private void pool(NodeDef n) {
        checkNhwc(n);
        String x = act(n, 0);
        // MaxPoolV2 takes window and strides as constant inputs rather than attributes.
        boolean v2 = n.getOp().equals("MaxPoolV2");
        int[] kernel = v2 ? spatial(n, weight(n, 1)) : spatial(n, "ksize");
        int[] strides = v2 ? spatial(n, weight(n, 2)) : spatial(n, "strides");
        String padding = text(n, "padding", "VALID").equals("SAME") ? "same" : "valid";
        put(n.getName(), new Pooling2D(layerName(n.getName()), List.of(x), !n.getOp().equals("AvgPool"), kernel,
                strides, padding), Map.of());
    }

    /** Mean or Max over axes 1 and 2 without keeping them: global pooling. */
    private void globalPool(NodeDef n) {
        String x = act(n, 0);
        float[] axes = weight(n, 1).values();
        boolean keep = n.getAttrMap().getOrDefault("keep_dims", AttrValue.getDefaultInstance()).getB();
        if (net.shape(x).length != 3 || axes.length != 2 || Math.min(axes[0], axes[1]) != 1
                || Math.max(axes[0], axes[1]) != 2) {
            throw unsupported(n, "reduces axes " + Arrays.toString(axes)
                    + "; Sieve supports global pooling over height and width (axes 1, 2)");
        }
        put(n.getName(), new GlobalPooling2D(layerName(n.getName()), List.of(x), n.getOp().equals("Max"), keep), Map.of());
    }

    private void batchNorm(NodeDef n) {
        checkNhwc(n);
        String x = act(n, 0);
        Map<String, WeightTensor> w = Map.of("gamma", weight(n, 1), "beta", weight(n, 2), "moving_mean", weight(n, 3),
                "moving_variance", weight(n, 4));
        float epsilon = n.getAttrMap().containsKey("epsilon") ? n.getAttrMap().get("epsilon").getF() : 1e-3f;
        put(n.getName(), new BatchNormalization(layerName(n.getName()), List.of(x), epsilon, 0.99f, true, true), w);
    }

    private void arithmetic(NodeDef n) {
        Object a = value(n.getInput(0), n);
        Object b = value(n.getInput(1), n);
        String op = n.getOp();
        if (a instanceof String x && b instanceof String y) {
            boolean broadcast = !op.equals("Sub") && !op.equals("RealDiv") && broadcastable(net.shape(x), net.shape(y));
            if (!Arrays.equals(net.shape(x), net.shape(y)) && !broadcast || op.equals("BiasAdd")) {
                throw unsupported(n, "broadcasts " + Arrays.toString(net.shape(x)) + " with "
                        + Arrays.toString(net.shape(y)) + "; Sieve merges tensors of equal shape");
            }
            Merge.Mode mode = switch (op) {
                case "Sub" -> Merge.Mode.SUBTRACT;
                case "Mul" -> Merge.Mode.MULTIPLY;
                case "RealDiv" -> Merge.Mode.DIVIDE;
                default -> Merge.Mode.ADD;
            };
            put(n.getName(), new Merge(layerName(n.getName()), List.of(x, y), mode, -1), Map.of());
            return;
        }
        boolean constantFirst = a instanceof WeightTensor;
        if (constantFirst == b instanceof WeightTensor) {
            throw unsupported(n, "does arithmetic on constants only");
        }
        String x = (String) (constantFirst ? b : a);
        WeightTensor c = (WeightTensor) (constantFirst ? a : b);
        if (c.size() != 1) {
            throw unsupported(n, "combines features with a constant of shape " + Arrays.toString(c.shape())
                    + " that no convolution absorbs; Sieve supports scalar constants here");
        }
        float v = c.values()[0];
        float scale = switch (op) {
            case "Mul" -> v;
            case "RealDiv" -> constantFirst || v == 0 ? Float.NaN : 1 / v;
            case "Sub" -> constantFirst ? -1 : 1;
            default -> 1;
        };
        float offset = switch (op) {
            case "Add", "AddV2", "BiasAdd" -> v;
            case "Sub" -> constantFirst ? v : -v;
            default -> 0;
        };
        if (Float.isNaN(scale)) {
            throw unsupported(n, "divides a constant by the features, or by zero");
        }
        put(n.getName(), new Rescaling(layerName(n.getName()), List.of(x), scale, offset), Map.of());
    }

    /** Same rank, each size equal or 1 in one of them (a squeeze-and-excite gate times its feature map). */
    private static boolean broadcastable(long[] a, long[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i] && a[i] != 1 && b[i] != 1) {
                return false;
            }
        }
        return true;
    }

    private void concat(NodeDef n) {
        int count = n.getInputCount() - (int) n.getInputList().stream().filter(i -> i.startsWith("^")).count();
        List<String> in = new ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            in.add(act(n, i));
        }
        int rank = net.shape(in.get(0)).length + 1;
        int axis = (int) weight(n, count - 1).values()[0];
        if ((axis < 0 ? axis + rank : axis) != rank - 1) {
            throw unsupported(n, "concatenates along axis " + axis + "; Sieve supports the channel axis (-1)");
        }
        put(n.getName(), new Merge(layerName(n.getName()), in, Merge.Mode.CONCATENATE, -1), Map.of());
    }

    private void reshape(NodeDef n) {
        String x = act(n, 0);
        float[] target = weight(n, 1).values();
        long total = Arrays.stream(net.shape(x)).reduce(1, Math::multiplyExact);
        boolean flatten = target.length == 2 && (target[0] == -1 || target[0] == 1)
                && (target[1] == -1 || target[1] == total);
        if (!flatten) {
            throw unsupported(n, "reshapes to " + Arrays.toString(target) + "; Sieve supports flattening to [N, features]");
        }
        put(n.getName(), Reshape.flatten(layerName(n.getName()), List.of(x)), Map.of());
    }

    private void pad(NodeDef n) {
        String x = act(n, 0);
        float[] p = weight(n, 1).values();
        if (p.length != 8 || p[0] != 0 || p[1] != 0 || p[6] != 0 || p[7] != 0) {
            throw unsupported(n, "pads with " + Arrays.toString(p) + "; Sieve supports zero padding of height and width");
        }
        put(n.getName(), new ZeroPadding2D(layerName(n.getName()), List.of(x), (int) p[2], (int) p[3], (int) p[4],
                (int) p[5]), Map.of());
    }

    private void resize(NodeDef n) {
        String x = act(n, 0);
        float[] size = weight(n, 1).values();
        boolean bilinear = n.getOp().equals("ResizeBilinear");
        boolean align = n.getAttrMap().getOrDefault("align_corners", AttrValue.getDefaultInstance()).getB();
        boolean half = n.getAttrMap().getOrDefault("half_pixel_centers", AttrValue.getDefaultInstance()).getB();
        if (size.length != 2 || size[0] < 1 || size[1] < 1 || size[0] > 8192 || size[1] > 8192 || align
                || half && !bilinear) {
            throw unsupported(n, "resizes to " + Arrays.toString(size) + " with align_corners " + align
                    + " and half_pixel_centers " + half + "; Sieve supports bilinear and plain nearest-neighbour"
                    + " resizing without align_corners");
        }
        put(n.getName(), new Resizing(layerName(n.getName()), List.of(x), (int) size[0], (int) size[1], bilinear,
                half), Map.of());
    }

    /** A node outside the layer patterns; it is translated op for op instead. */
    private static final class Unsupported extends SieveException {
        Unsupported(String message) {
            super(message);
        }
    }

    private SieveException unsupported(NodeDef n, String what) {
        return new Unsupported("Model " + file + ": node '" + n.getName() + "' (" + n.getOp() + ") " + what
                + ". Sieve cannot open this model; export it without this construct.");
    }

    private SieveException invalid(NodeDef n, String what) {
        return new SieveException("Model " + file + ": node '" + n.getName() + "' (" + n.getOp() + ") " + what
                + ". The file is damaged; convert the model again.");
    }
}
