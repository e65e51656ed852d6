package org.sieve.network.format.graph;

import org.sieve.network.format.common.PostProcessing;
import org.sieve.network.format.common.ReadNotes;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.network.OpStep;
import org.sieve.network.Network;
import org.sieve.network.WeightTensor;
import org.sieve.network.format.common.NodeNames;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Reads TensorFlow op graphs into Sieve networks: TensorFlow.js graph models (GraphDef as JSON
 * plus weight shards, float16 and uint8 quantisation undone) and frozen GraphDefs (.pb). The
 * file is data: every node's op is checked against an allowlist before anything is built, and the
 * ops that compute the chosen output are translated into Sieve layers, never run.
 */
public final class GraphDefReader {

    /**
     * Ops that compute on tensors only. Those Sieve translates into layers, plus post-processing a
     * model may carry beside its image output (decoding detections), which is checked but left out.
     * Loops and conditionals are read (never built) so that a graph ending in them can be cut before
     * them. File, network, Python, state and function-call ops are not here and are refused.
     */
    static final Set<String> ALLOWED_OPS = allowed();

    private static Set<String> allowed() {
        Set<String> ops = new java.util.HashSet<>(Set.of("Const", "Placeholder", "NoOp", "StopGradient", "Shape", "Size",
                "_FusedConv2D", "FusedDepthwiseConv2dNative", "_FusedMatMul", "Prelu", "MaxPoolV2", "FusedBatchNorm",
                "FusedBatchNormV2"));
        ops.addAll(OpStep.COMPUTE_OPS);
        ops.addAll(GraphRoles.CUT_OPS);
        ops.addAll(GraphRoles.LOOP_OPS);
        return Set.copyOf(ops);
    }

    /** The largest frozen graph Sieve reads; protocol buffers cannot exceed 2 GB. */
    private static final long MAX_PB_BYTES = Integer.MAX_VALUE;

    private GraphDefReader() {
    }

    /** Reads a TensorFlow.js graph model whose single output (from its signature, else its last node) is analysed. */
    public static Network readTfjs(Path modelJson) {
        return readTfjs(modelJson, null);
    }

    /**
     * Reads a TensorFlow.js graph model.
     *
     * @param output the node whose value is the network's output, or null for the model's only output
     * @return the network, input first, output last, layers named after the graph's nodes
     * @throws SieveException exit code 3, one line naming the file and what to do
     */
    public static Network readTfjs(Path modelJson, String output) {
        String file = modelJson.toString();
        GraphModelFiles files = GraphModelFiles.read(modelJson);
        GraphDef.Builder graph = GraphDef.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(files.topology().toString(), graph);
        } catch (InvalidProtocolBufferException e) {
            throw new SieveException("Model " + file + ": modelTopology is not a readable GraphDef (" + complaint(e)
                    + "). Convert the model again with tensorflowjs_converter.", e);
        }
        GraphDef g = graph.build();
        checkOps(g, file);
        return translate(g, files.weights(), chooseOutput(g, signatureOutputs(files.root(), file), output, file), output,
                file);
    }

    /**
     * The parser's complaint in words: where it wraps a cause (JSON's base64 decoder), its message
     * starts with the cause's Java class, so the root cause's own message.
     */
    private static String complaint(InvalidProtocolBufferException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause().getMessage() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Reads a frozen GraphDef (.pb) whose weights are Const nodes. */
    public static Network readFrozen(Path pb, String output) {
        String file = pb.toString();
        GraphDef g;
        try {
            if (Files.size(pb) > MAX_PB_BYTES) {
                throw new SieveException("Model " + file + " is larger than a GraphDef can be (2 GB).");
            }
            try (InputStream in = Files.newInputStream(pb)) {
                CodedInputStream coded = CodedInputStream.newInstance(in);
                coded.setSizeLimit(Integer.MAX_VALUE);
                g = GraphDef.parseFrom(coded);
            }
        } catch (InvalidProtocolBufferException e) {
            throw new SieveException("Model " + file + " is not a readable frozen TensorFlow graph (" + complaint(e)
                    + "). Freeze the model again (convert_variables_to_constants_v2) or export it to ONNX.", e);
        } catch (IOException e) {
            throw new SieveException("Cannot read model " + file + ": " + e.getMessage(), e);
        }
        if (g.getNodeCount() == 0) {
            throw new SieveException("Model " + file + " holds no graph nodes; it is not a frozen TensorFlow graph.");
        }
        checkOps(g, file);
        return translate(g, Map.of(), chooseOutput(g, List.of(), output, file), output, file);
    }

    /** Every node, connected to the output or not, must be on the allowlist; functions are refused. */
    static void checkOps(GraphDef g, String file) {
        for (NodeDef n : g.getNodeList()) {
            // Names become layer names and appear in messages: printable only.
            NodeNames.checkPrintable(List.of(n.getName(), n.getOp()), "a node names", file);
            NodeNames.checkPrintable(n.getInputList(), "a node reads", file);
            NodeNames.checkPrintable(n.getAttrMap().keySet(), "a node has attribute", file);
        }
        List<String> refused = new ArrayList<>();
        for (NodeDef n : g.getNodeList()) {
            if (!ALLOWED_OPS.contains(n.getOp())) {
                refused.add("'" + n.getName() + "' (" + n.getOp() + ")");
            }
        }
        if (!refused.isEmpty()) {
            throw new SieveException("Model " + file + " contains op" + (refused.size() > 1 ? "s" : "") + " that Sieve"
                    + " does not run: node " + String.join(", node ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? " and " + (refused.size() - 5) + " more" : "")
                    + ". Sieve opens image CNNs built from standard layers; export the model without them.");
        }
        if (g.getLibrary().getFunctionCount() > 0) {
            throw new SieveException("Model " + file + " defines " + g.getLibrary().getFunctionCount()
                    + " graph functions, which Sieve does not run. Freeze and inline the graph before converting it.");
        }
    }

    /** Output node names from the model's signature ("Identity:0" names node "Identity"). */
    private static List<String> signatureOutputs(JsonObject root, String file) {
        JsonElement sig = root.get("signature");
        if (sig == null && root.get("userDefinedMetadata") instanceof JsonObject meta) {
            sig = meta.get("signature");
        }
        List<String> names = new ArrayList<>();
        if (sig instanceof JsonObject s && s.get("outputs") instanceof JsonObject outs) {
            for (Map.Entry<String, JsonElement> e : outs.entrySet()) {
                String name = e.getValue() instanceof JsonObject o && o.has("name") ? o.get("name").getAsString() : e.getKey();
                NodeNames.checkPrintable(name, "the signature names output", file);
                names.add(name.replaceFirst(":0$", ""));
            }
        }
        return names;
    }

    /**
     * Translates what computes {@code chosen}: the output itself when no post-processing, loop or
     * op that mixes a batch's examples computes it; else, unless the user named it, the last tensor
     * the network computes before them (with a note saying so).
     */
    private static Network translate(GraphDef g, Map<String, WeightTensor> weights, String chosen, String named,
            String file) {
        Set<String> mixing = new java.util.HashSet<>();
        List<PostProcessing.Node> nodes = GraphRoles.nodes(g);
        while (true) {
            PostProcessing.Cut cut = PostProcessing.cut(nodes, chosen, mixing);
            String kept = cut == null ? chosen : cut.kept();
            if (cut != null && (named != null || kept == null)) {
                throw new SieveException(PostProcessing.refusal(file, chosen, cut, "--output NODE"));
            }
            try {
                Network network = GraphTranslator.translate(g, weights, kept, file);
                if (cut != null) {
                    ReadNotes.add(PostProcessing.note(file, chosen, cut, "--output NODE"));
                }
                return network;
            } catch (GraphOps.AcrossBatch e) {
                if (named != null || !mixing.add(e.node)) {
                    throw e;
                }
            }
        }
    }

    private static String chooseOutput(GraphDef g, List<String> signature, String wanted, String file) {
        List<String> candidates = signature;
        if (candidates.isEmpty()) {
            candidates = GraphTranslator.sinks(g);
        }
        if (wanted != null) {
            if (g.getNodeList().stream().noneMatch(n -> n.getName().equals(wanted))) {
                throw new SieveException("Model " + file + " has no node '" + wanted + "'. Its outputs: "
                        + String.join(", ", candidates) + ".");
            }
            return wanted;
        }
        if (candidates.isEmpty()) {
            throw new SieveException("Model " + file + " has no output node. The file is damaged; convert the model"
                    + " again.");
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String main = PostProcessing.main(GraphRoles.nodes(g), candidates);
        ReadNotes.add("Model " + file + " has " + candidates.size() + " outputs (" + String.join(", ", candidates)
                + "); Sieve analyses '" + main + "', which the most of the network computes (choose another with"
                + " --output NODE).");
        return main;
    }
}
