package org.sieve.network.format;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sieve.network.format.graph.GraphModelFiles;

/**
 * The content signatures of model files, as Netron and the formats' own loaders tell them apart:
 * magic bytes, zip entries, JSON keys, HDF5 root names and protobuf field layouts.
 */
final class FormatSignatures {

    /** The ModelProto fields with their wire types (0 varint, 2 length-delimited), from onnx.proto. */
    private static final Map<Integer, Integer> ONNX_MODEL_FIELDS = Map.ofEntries(Map.entry(1, 0), Map.entry(2, 2),
            Map.entry(3, 2), Map.entry(4, 2), Map.entry(5, 0), Map.entry(6, 2), Map.entry(7, 2), Map.entry(8, 2),
            Map.entry(14, 2), Map.entry(20, 2), Map.entry(25, 2));
    /** GraphDef: node, library, version (deprecated), versions. */
    private static final Map<Integer, Integer> GRAPH_DEF_FIELDS = Map.of(1, 2, 2, 2, 3, 0, 4, 2);
    /** SavedModel: saved_model_schema_version, meta_graphs. */
    private static final Map<Integer, Integer> SAVED_MODEL_FIELDS = Map.of(1, 0, 2, 2);
    private static final byte[] TFLITE_IDENTIFIER = "TFL3".getBytes(StandardCharsets.US_ASCII);
    private static final int PICKLE_PROTO = 0x80;

    private FormatSignatures() {
    }

    /** A TensorFlow.js layers model.json (alone or in its folder): a Keras topology, not a graph. */
    static boolean tfjsLayers(ModelFile f) {
        JsonObject root = f.json();
        if (root == null || GraphModelFiles.isGraphModel(root)) {
            return false;
        }
        JsonElement topology = root.get("modelTopology");
        return topology != null && topology.isJsonObject() && (topology.getAsJsonObject().has("class_name")
                || topology.getAsJsonObject().has("model_config"));
    }

    /** A TensorFlow.js graph model.json: "format": "graph-model", or a topology that is a GraphDef. */
    static boolean tfjsGraph(ModelFile f) {
        JsonObject root = f.json();
        return root != null && GraphModelFiles.isGraphModel(root);
    }

    /** Keras 3's zip: config.json with the weights in model.weights.h5 beside it. */
    static boolean keras3(ModelFile f) {
        List<String> entries = f.zipEntries();
        return entries.contains(KerasArchive.CONFIG) && entries.contains(KerasArchive.WEIGHTS);
    }

    /** Keras 2's whole-model HDF5: the architecture in the root attribute model_config. */
    static boolean keras2(ModelFile f) {
        return f.hdf5Root().contains("@" + KerasH5.MODEL_CONFIG);
    }

    /** HDF5 with Keras weights but no architecture (model.save_weights in Keras 2 or 3). */
    static boolean kerasWeightsOnly(ModelFile f) {
        Set<String> root = f.hdf5Root();
        return !root.contains("@" + KerasH5.MODEL_CONFIG) && (root.contains("@layer_names")
                || root.contains(KerasH5.MODEL_WEIGHTS) || root.contains("layers") || root.contains("vars"));
    }

    /** An ONNX ModelProto: only ModelProto's fields, with ir_version and a graph. */
    static boolean onnx(ModelFile f) {
        Map<Integer, Integer> fields = f.protobufFields();
        return fields != null && fields.containsKey(1) && fields.containsKey(7) && within(fields, ONNX_MODEL_FIELDS);
    }

    /** A frozen TensorFlow GraphDef: only GraphDef's fields, with at least one node. */
    static boolean frozenGraph(ModelFile f) {
        Map<Integer, Integer> fields = f.protobufFields();
        return fields != null && fields.containsKey(1) && within(fields, GRAPH_DEF_FIELDS);
    }

    /** A SavedModel folder (saved_model.pb and variables/) or its saved_model.pb on its own. */
    static boolean savedModel(ModelFile f) {
        if (f.isDirectory()) {
            return f.has("saved_model.pb", false) || f.has("saved_model.pbtxt", false);
        }
        Map<Integer, Integer> fields = f.protobufFields();
        return fields != null && fields.containsKey(2) && within(fields, SAVED_MODEL_FIELDS);
    }

    /** TFLite's FlatBuffer file identifier sits at bytes 4-7. */
    static boolean tflite(ModelFile f) {
        return f.bytesAt(4, TFLITE_IDENTIFIER);
    }

    /**
     * PyTorch: TorchScript and torch.save zips hold {@code <name>/data.pkl}; older torch.save
     * files are bare pickles (protocol 2 to 5).
     */
    static boolean pytorch(ModelFile f) {
        boolean pickleZip = f.zipEntries().stream().anyMatch(n -> n.equals("data.pkl") || n.endsWith("/data.pkl"));
        boolean pickle = f.byteAt(0) == PICKLE_PROTO && f.byteAt(1) >= 2 && f.byteAt(1) <= 5;
        return pickleZip || pickle;
    }

    private static boolean within(Map<Integer, Integer> fields, Map<Integer, Integer> allowed) {
        return fields.entrySet().stream().allMatch(e -> e.getValue().equals(allowed.get(e.getKey())));
    }
}
