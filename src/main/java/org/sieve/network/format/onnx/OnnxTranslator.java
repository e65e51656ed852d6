package org.sieve.network.format.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.network.InputLayer;
import org.sieve.network.Network;
import org.sieve.network.format.common.NetworkAssembly;
import org.sieve.network.format.onnx.OnnxSteps.Act;

/**
 * Translates an ONNX graph node by node, in its (topological) order, into TensorFlow steps, then
 * groups the steps into layers by module. Nodes on constants only (shape arithmetic) are computed
 * while reading; every other node becomes the TensorFlow ops that compute it.
 */
final class OnnxTranslator {

    /**
     * Ops whose constant operands are pad values, thresholds or masks, where infinity is a value
     * (a mask of minus infinity, a clip without an upper bound); elsewhere a constant is a weight.
     */
    private static final Set<String> MASK_OPS = Set.of("Where", "Max", "Min", "Clip", "Pad", "Equal", "Less",
            "Greater", "LessOrEqual", "GreaterOrEqual");

    private final String file;
    private final Path dir;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, TensorProto> initializers = new HashMap<>();

    private OnnxTranslator(GraphProto graph, Path dir, String file) {
        this.file = file;
        this.dir = dir;
        graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
    }

    /** Translates the nodes that compute a tensor in {@code needed} (the path to {@code output}); the rest are never built. */
    static Network translate(GraphProto graph, String inputTensor, InputLayer input, String output, Set<String> needed,
            Path dir, String file) {
        OnnxTranslator t = new OnnxTranslator(graph, dir, file);
        try (NetworkAssembly net = new NetworkAssembly(file, input); OnnxSteps steps = new OnnxSteps()) {
            t.values.put(inputTensor, steps.input(input));
            for (int i = 0; i < graph.getNodeCount(); i++) {
                if (graph.getNode(i).getOutputList().stream().anyMatch(needed::contains)) {
                    t.node(new OnnxNode(graph.getNode(i), i, file), steps);
                }
            }
            if (!(t.value(output, null) instanceof Act a) || a.ref().equals(OnnxSteps.INPUT)) {
                throw new SieveException("Model " + file + ": output '" + output + "' does not depend on the input"
                        + " image, or is the image itself. Export the model again with the image as its input.");
            }
            Act out = a.rank() == 4 ? steps.layout(module(null), a, OnnxSteps.CHANNELS_LAST) : steps.plain("output", a);
            Map<String, String> layers = OnnxLayers.add(steps, net, input.name(), out.ref());
            return net.network(layers.get(out.ref()));
        }
    }

    private void node(OnnxNode n, OnnxSteps steps) {
        List<Object> in = new ArrayList<>();
        boolean fromImage = false;
        for (int i = 0; i < n.inputCount(); i++) {
            Object v = n.input(i).isEmpty() ? null : value(n.input(i), n);
            fromImage |= v instanceof Act;
            in.add(v);
        }
        List<Object> out;
        if (fromImage && !MASK_OPS.contains(n.op())) {
            in.stream().filter(v -> v instanceof OnnxTensor).forEach(v -> ((OnnxTensor) v).checkFinite(file));
        }
        if (n.op().equals("Constant")) {
            out = List.of(constantNode(n));
        } else if (fromImage) {
            out = OnnxOps.translate(steps, n, module(n), in);
        } else {
            OnnxTensor folded = OnnxFolding.fold(n, in.stream().map(v -> (OnnxTensor) v).toList());
            if (folded == null) {
                throw n.unsupported("computes on constants in a way Sieve does not fold");
            }
            out = List.of(folded);
        }
        for (int k = 0; k < out.size() && k < n.proto().getOutputCount(); k++) {
            values.put(n.proto().getOutput(k), out.get(k));
        }
    }

    /** The module a node belongs to: its name without the op's own scope, e.g. "/layer1/layer1.0/conv1". */
    private static String module(OnnxNode n) {
        if (n == null) {
            return "output";
        }
        String name = n.name();
        if (name.isEmpty()) {
            return n.op() + "_" + n.index();
        }
        int cut = name.lastIndexOf('/');
        String parent = cut > 0 ? name.substring(0, cut) : "";
        return parent.replace("/", "").isEmpty() ? name : parent;
    }

    private Object value(String tensor, OnnxNode n) {
        Object v = values.get(tensor);
        if (v == null && initializers.containsKey(tensor)) {
            v = OnnxTensor.decode(initializers.get(tensor), dir, file);
            values.put(tensor, v);
        }
        if (v == null) {
            throw n == null ? new SieveException("Model " + file + ": no node computes the output '" + tensor + "'."
                    + " Name a tensor the graph computes (--output), or export the model again.")
                    : n.invalid("reads tensor '" + tensor + "', which no earlier node produces");
        }
        return v;
    }

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
}
