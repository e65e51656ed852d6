package org.sieve.network.format.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.network.InputLayer;
import org.sieve.network.Network;
import org.sieve.network.format.common.NodeNames;
import org.sieve.network.format.common.PostProcessing;
import org.sieve.network.format.common.ReadNotes;

/**
 * Reads an ONNX model (opsets 9 to 17, as PyTorch's exporter writes them) into a Sieve network.
 * The file is data: every node's op is checked against an allowlist before anything is built,
 * and the graph is translated op by op into TensorFlow ops (grouped into one layer per module),
 * never run. ONNX images are channels first; the network takes channels-last images like every
 * other Sieve model.
 */
public final class OnnxReader {

    /** The ops Sieve translates; anything else (custom domains, I/O) is refused. */
    static final Set<String> ALLOWED_OPS = Set.of("Conv", "ConvTranspose", "Gemm", "MatMul", "BatchNormalization",
            "Relu", "Clip", "LeakyRelu", "PRelu", "Sigmoid", "Tanh", "HardSigmoid", "HardSwish", "Softmax", "MaxPool",
            "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "Add", "Sub", "Mul", "Div", "Concat", "Flatten",
            "Reshape", "Transpose", "Pad", "Resize", "Upsample", "Identity", "Dropout", "Constant", "Shape", "Gather",
            "Unsqueeze", "Squeeze", "Cast", "Erf", "Sqrt", "Exp", "Log", "Abs", "Neg", "Reciprocal", "Pow", "Max",
            "Min", "Sum", "ReduceMean", "ReduceSum", "ReduceMax", "Slice", "Split", "Expand", "ConstantOfShape",
            "Equal", "Where", "LayerNormalization", "DepthToSpace", "SpaceToDepth");

    /** Ops that pick, sort or index values: read, never built; the output is cut before them. */
    static final Set<String> POST_PROCESSING_OPS = Set.of("ArgMax", "ArgMin", "GatherND", "TopK",
            "NonMaxSuppression", "NonZero");

    /** Loops and conditionals: read, never built; refused only on the path of the output analysed. */
    static final Set<String> CONTROL_FLOW_OPS = Set.of("Loop", "If", "Scan");

    /**
     * Copies of the weights that importing holds on the heap at once (the file's bytes, the decoded
     * values, transposed kernels, the network's weights), with room for the collector: importing
     * vgg11_bn's 507 MB peaked at 1.68 GB of heap in use.
     */
    static final long READ_COPIES = 5;
    /** Heap that reading needs besides the weights (the graph, TensorFlow's Java side). */
    private static final long HEAP_BASE_BYTES = 256L << 20;

    static final int MIN_OPSET = 9;
    static final int MAX_OPSET = 17;
    /** Protocol buffers cannot exceed 2 GB; larger weights would be external data. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE;
    /** The largest input side Sieve accepts from a file. */
    static final int MAX_INPUT_SIDE = 8192;

    private OnnxReader() {
    }

    /**
     * Reads the ONNX model in {@code file}.
     *
     * @return the network, input first (its size from the file), output last
     * @throws SieveException exit code 3, naming the file and what to do, for anything Sieve refuses
     */
    public static Network read(Path file) {
        return read(file, null);
    }

    /**
     * Reads the ONNX model in {@code file}, ending at tensor {@code output} (any node's output, e.g.
     * a feature map before a detector's post-processing) or, when null, at the graph's one output.
     */
    public static Network read(Path file, String output) {
        return read(file, output, Runtime.getRuntime().maxMemory());
    }

    /** As {@link #read(Path, String)}, refusing before reading a file whose weights would not fit {@code heapBytes}. */
    static Network read(Path file, String output, long heapBytes) {
        String name = file.toString();
        checkHeap(file, heapBytes, name);
        ModelProto model = parse(file, name);
        checkOpset(model, name);
        GraphProto graph = model.getGraph();
        checkNames(graph, name);
        checkOps(graph, name);
        ValueInfoProto image = imageInput(graph, name);
        InputLayer input = input(image, name);
        List<PostProcessing.Node> nodes = nodes(graph, image.getName());
        String chosen = output != null ? output : chooseOutput(graph, nodes, name);
        PostProcessing.Cut cut = PostProcessing.cut(nodes, chosen, Set.of());
        String kept = cut == null ? chosen : cut.kept();
        if (cut != null && (output != null || kept == null)) {
            throw new SieveException(PostProcessing.refusal(name, chosen, cut, "--output TENSOR"));
        }
        Path dir = file.toAbsolutePath().getParent();
        Network network = OnnxTranslator.translate(graph, image.getName(), input, kept, PostProcessing.path(nodes, kept),
                dir, name);
        if (cut != null) {
            ReadNotes.add(PostProcessing.note(name, chosen, cut, "--output TENSOR"));
        }
        return network;
    }

    /** The graph's one output, or of several the one that no post-processing computes and most of the network does. */
    private static String chooseOutput(GraphProto graph, List<PostProcessing.Node> nodes, String name) {
        List<String> outputs = graph.getOutputList().stream().map(ValueInfoProto::getName).toList();
        if (outputs.isEmpty()) {
            throw new SieveException("Model " + name + " has no output. The file is damaged or not valid ONNX; export"
                    + " the model again.");
        }
        if (outputs.size() == 1) {
            return outputs.get(0);
        }
        Set<String> computed = new HashSet<>();
        nodes.forEach(n -> computed.add(n.name()));
        for (String o : outputs) {
            if (!computed.contains(o)) {
                throw new SieveException("Model " + name + " has " + outputs.size() + " outputs, and no node computes '"
                        + o + "'. The file is damaged or not valid ONNX; export the model again.");
            }
        }
        String main = PostProcessing.main(nodes, outputs);
        ReadNotes.add("Model " + name + " has " + outputs.size() + " outputs (" + String.join(", ", outputs)
                + "); Sieve analyses '" + main + "', which the most of the network computes (choose another with"
                + " --output TENSOR).");
        return main;
    }

    /** The graph as the post-processing cut sees it: one node per tensor a node writes, and the image. */
    private static List<PostProcessing.Node> nodes(GraphProto graph, String image) {
        List<PostProcessing.Node> nodes = new ArrayList<>();
        nodes.add(new PostProcessing.Node(image, PostProcessing.Role.IMAGE, "input", List.of()));
        for (NodeProto n : graph.getNodeList()) {
            List<String> inputs = n.getInputList().stream().filter(i -> !i.isEmpty()).toList();
            for (String out : n.getOutputList()) {
                nodes.add(new PostProcessing.Node(out, role(n.getOpType()), n.getOpType(), inputs));
            }
        }
        return nodes;
    }

    private static PostProcessing.Role role(String op) {
        if (POST_PROCESSING_OPS.contains(op)) {
            return PostProcessing.Role.POST_PROCESSING;
        }
        if (CONTROL_FLOW_OPS.contains(op)) {
            return PostProcessing.Role.CONTROL_FLOW;
        }
        return switch (op) {
            case "Shape", "Size" -> PostProcessing.Role.SHAPE;
            case "Constant", "ConstantOfShape", "Cast", "Equal", "Less", "LessOrEqual", "Greater", "GreaterOrEqual",
                    "Identity" -> PostProcessing.Role.PLUMBING;
            default -> PostProcessing.Role.COMPUTE;
        };
    }

    /**
     * Importing holds the weights about {@value #READ_COPIES} times on the heap at once: a file
     * that cannot fit is refused before any of it is read, naming the heap to ask for.
     */
    private static void checkHeap(Path file, long heapBytes, String name) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new SieveException("Cannot read model " + name + ": " + e.getMessage(), e);
        }
        long needed = READ_COPIES * size + HEAP_BASE_BYTES;
        if (needed > heapBytes) {
            long gigabytes = (needed + (1L << 30) - 1) >> 30;
            throw new SieveException("Model " + name + " holds " + (size >> 20) + " MB of weights; reading it needs about "
                    + gigabytes + " GB of Java heap and Sieve has " + (heapBytes >> 20) + " MB. Start Sieve with more"
                    + " memory: JAVA_TOOL_OPTIONS=-Xmx" + gigabytes + "g.", SieveException.COMPUTE_FAILED, null);
        }
    }

    private static ModelProto parse(Path file, String name) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new SieveException("Model " + name + " is " + size + " bytes, more than an ONNX file can"
                        + " hold. Export it with its weights as external data.");
            }
            try (InputStream in = Files.newInputStream(file)) {
                CodedInputStream coded = CodedInputStream.newInstance(in);
                coded.setSizeLimit(Integer.MAX_VALUE);
                return ModelProto.parseFrom(coded);
            }
        } catch (InvalidProtocolBufferException e) {
            throw new SieveException("Model " + name + " is not a readable ONNX file (" + e.getMessage()
                    + "). Export the model again with torch.onnx.export.", e);
        } catch (IOException e) {
            throw new SieveException("Cannot read model " + name + ": " + e.getMessage(), e);
        }
    }

    private static void checkOpset(ModelProto model, String name) {
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            boolean standard = o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx");
            if (standard && (o.getVersion() < MIN_OPSET || o.getVersion() > MAX_OPSET)) {
                throw new SieveException("Model " + name + " uses ONNX opset " + o.getVersion() + "; Sieve reads opsets "
                        + MIN_OPSET + " to " + MAX_OPSET + ". Export again with torch.onnx.export(...,"
                        + " opset_version=" + MAX_OPSET + ").");
            }
        }
    }

    /** Names become layer names and appear in messages: every one the graph gives must be printable. */
    private static void checkNames(GraphProto graph, String name) {
        for (NodeProto n : graph.getNodeList()) {
            NodeNames.checkPrintable(List.of(n.getName(), n.getOpType(), n.getDomain()), "a node names", name);
            NodeNames.checkPrintable(n.getInputList(), "a node reads", name);
            NodeNames.checkPrintable(n.getOutputList(), "a node writes", name);
            for (var a : n.getAttributeList()) {
                NodeNames.checkPrintable(a.getName(), "a node has attribute", name);
            }
        }
        for (List<ValueInfoProto> values : List.of(graph.getInputList(), graph.getOutputList(), graph.getValueInfoList())) {
            NodeNames.checkPrintable(values.stream().map(ValueInfoProto::getName).toList(), "the graph names value", name);
        }
        NodeNames.checkPrintable(graph.getInitializerList().stream().map(TensorProto::getName).toList(),
                "the graph names weight", name);
    }

    /** Every node, connected to the output or not, must be a standard op on the allowlist. */
    static void checkOps(GraphProto graph, String name) {
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto n = graph.getNode(i);
            boolean standard = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
            boolean read = ALLOWED_OPS.contains(n.getOpType()) || POST_PROCESSING_OPS.contains(n.getOpType())
                    || CONTROL_FLOW_OPS.contains(n.getOpType());
            if (!standard || !read) {
                refused.add("'" + (n.getName().isEmpty() ? "#" + i : n.getName()) + "' ("
                        + (standard ? "" : n.getDomain() + ".") + n.getOpType() + ")");
            }
        }
        if (!refused.isEmpty()) {
            throw new SieveException("Model " + name + " contains op" + (refused.size() > 1 ? "s" : "") + " that Sieve"
                    + " does not run: node " + String.join(", node ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? " and " + (refused.size() - 5) + " more" : "")
                    + ". Sieve opens image CNNs built from standard layers; export the model without them.");
        }
        for (int i = 0; i < graph.getNodeCount(); i++) {
            if (graph.getNode(i).getOutputCount() == 0) {
                throw new SieveException("Model " + name + ": node #" + i + " (" + graph.getNode(i).getOpType() + ") has"
                        + " no output, which ONNX requires. The file is damaged or not valid ONNX; export it again.");
            }
        }
        if (graph.getSparseInitializerCount() > 0) {
            throw new SieveException("Model " + name + " stores sparse weights; Sieve reads dense ones."
                    + " Export the model with dense weights.");
        }
    }

    /** The one graph input that is not a weight. */
    private static ValueInfoProto imageInput(GraphProto graph, String name) {
        Set<String> weights = new HashSet<>();
        for (TensorProto t : graph.getInitializerList()) {
            weights.add(t.getName());
        }
        List<ValueInfoProto> inputs = graph.getInputList().stream().filter(v -> !weights.contains(v.getName())).toList();
        if (inputs.size() != 1) {
            throw new SieveException("Model " + name + " has " + inputs.size() + " inputs "
                    + inputs.stream().map(ValueInfoProto::getName).toList() + "; Sieve analyses networks that take"
                    + " one image. Export the model with a single image input.");
        }
        return inputs.get(0);
    }

    /** The input as an image layer: float [N, C, H, W] with C, H and W given. */
    private static InputLayer input(ValueInfoProto in, String name) {
        var type = in.getType().getTensorType();
        List<TensorShapeProto.Dimension> dims = type.getShape().getDimList();
        long[] size = new long[dims.size()];
        for (int i = 0; i < size.length; i++) {
            size[i] = dims.get(i).hasDimValue() ? dims.get(i).getDimValue() : -1;
        }
        boolean image = type.getElemType() == TensorProto.DataType.FLOAT_VALUE && size.length == 4
                && size[1] >= 1 && size[1] <= 4 && size[2] >= 1 && size[2] <= MAX_INPUT_SIDE
                && size[3] >= 1 && size[3] <= MAX_INPUT_SIDE && (size[0] == 1 || size[0] == -1);
        if (!image) {
            throw new SieveException("Model " + name + " takes input '" + in.getName() + "' of shape "
                    + java.util.Arrays.toString(size).replace("-1", "?") + " and type "
                    + TensorProto.DataType.forNumber(type.getElemType()) + "; Sieve analyses float images"
                    + " [1, channels (1-4), height, width] with height and width given (at most " + MAX_INPUT_SIDE
                    + "). Export the model with a fixed input size.");
        }
        String layer = in.getName().replaceFirst("^/+", "").replace('/', '.').replace(':', '_');
        return new InputLayer(layer.isEmpty() ? "input" : layer, (int) size[2], (int) size[3], (int) size[1]);
    }
}
