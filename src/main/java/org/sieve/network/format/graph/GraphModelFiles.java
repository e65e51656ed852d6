package org.sieve.network.format.graph;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.network.WeightTensor;
import org.sieve.network.format.common.TfjsFiles;
import org.sieve.network.format.common.WeightDecoder;
import org.sieve.network.format.common.WeightsManifest;

/**
 * The files of a TensorFlow.js graph model: its JSON (GraphDef as protobuf JSON plus a weights
 * manifest) and the shards beside it, de-quantised (float16, uint8/uint16 min and scale).
 *
 * @param topology the "modelTopology" object, a GraphDef in protobuf's JSON mapping
 * @param root     the whole JSON file, for the signature
 * @param weights  every stored weight by its manifest name, which is its Const node's name
 */
public record GraphModelFiles(JsonObject topology, JsonObject root, Map<String, WeightTensor> weights) {

    /** The largest model JSON Sieve reads; GraphDefs of image CNNs are a few MB. */
    public static final long MAX_JSON_BYTES = 256L * 1024 * 1024;

    /** True when {@code root} is a graph model: it says so, or its topology is a GraphDef (has nodes). */
    public static boolean isGraphModel(JsonObject root) {
        JsonElement format = root.get("format");
        JsonElement topology = root.get("modelTopology");
        return format != null && format.isJsonPrimitive() && format.getAsString().equals("graph-model")
                || topology != null && topology.isJsonObject() && topology.getAsJsonObject().has("node");
    }

    /** Reads {@code file} (e.g. model.json) and the shards its manifest names, which must lie beside it. */
    public static GraphModelFiles read(Path file) {
        String model = file.toString();
        try {
            if (Files.size(file) > MAX_JSON_BYTES) {
                throw new SieveException("Model " + model + " is larger than the " + MAX_JSON_BYTES
                        + " bytes Sieve reads as a model's JSON; it is not a TensorFlow.js graph model Sieve can open.");
            }
        } catch (IOException e) {
            throw new SieveException("Cannot read model " + model + ": " + e.getMessage(), e);
        }
        JsonObject root = TfjsFiles.parseRoot(TfjsFiles.readAll(file, model), model);
        if (!isGraphModel(root) || !root.has("modelTopology") || !root.get("modelTopology").isJsonObject()) {
            throw new SieveException("Model " + model + " is not a TensorFlow.js graph model (\"format\": \"graph-model\""
                    + " with a modelTopology). Convert it with tensorflowjs_converter --output_format tfjs_graph_model.");
        }
        Path dir = file.toAbsolutePath().getParent();
        WeightsManifest manifest = WeightsManifest.parse(root.get("weightsManifest"), model);
        List<byte[]> groups = new ArrayList<>();
        for (WeightsManifest.Group g : manifest.groups()) {
            g.paths().forEach(p -> checkInside(dir, p, model));
            groups.add(TfjsFiles.readGroup(dir, g, model));
        }
        Map<String, WeightTensor> weights = WeightDecoder.decode(manifest, groups);
        return new GraphModelFiles(root.getAsJsonObject("modelTopology"), root, weights);
    }

    /** Shards must be files inside the model's folder, not links out of it. */
    private static void checkInside(Path dir, String path, String model) {
        Path shard = dir.resolve(path).normalize();
        try {
            if (shard.startsWith(dir) && Files.exists(shard) && !shard.toRealPath().startsWith(dir.toRealPath())) {
                throw new SieveException("Model " + model + ": shard '" + path + "' links outside the model's folder."
                        + " Copy the shard files beside the model instead of linking them.");
            }
        } catch (IOException e) {
            throw new SieveException("Model " + model + ": cannot read shard '" + path + "' (" + e.getMessage() + ").", e);
        }
    }
}
