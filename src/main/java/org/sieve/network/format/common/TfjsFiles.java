package org.sieve.network.format.common;

import org.sieve.Sha256;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sieve.SieveException;
import org.sieve.io.BoundedFiles;
import org.sieve.io.JsonValues;
import org.sieve.io.Sizes;
import org.sieve.model.Model;

/**
 * The files of a TensorFlow.js layers model as bytes: model.json, and each weight group's shard
 * files joined in order (tfjs cuts a group's bytes into shards regardless of weight boundaries).
 *
 * @param modelJson  model.json exactly as stored
 * @param topology   the Keras model config ({"class_name", "config"})
 * @param groups     each manifest group's bytes, exactly as long as its weights need
 */
public record TfjsFiles(byte[] modelJson, JsonObject topology, WeightsManifest manifest, List<byte[]> groups) {

    public static final String MODEL_JSON = "model.json";
    /** tfjs' shard size. */
    public static final int SHARD_BYTES = 4 * 1024 * 1024;
    public static final Pattern SHARD_NAME = Pattern.compile("group\\d+-shard\\d+of\\d+\\.bin");
    /** model.json, sieve.json and decoders.json are read up to this size; the bundled ones hold a few KB. */
    public static final long MAX_JSON_BYTES = 64L * 1024 * 1024;

    /** model.json alone: enough to know the layers and what the weights will be, without reading them. */
    public record Outline(byte[] modelJson, JsonObject topology, WeightsManifest manifest) {
    }

    /** Reads model.json and every shard it lists, checking that the sizes agree. */
    public static TfjsFiles read(Path dir) {
        Outline outline = readOutline(dir);
        List<byte[]> groups = new ArrayList<>();
        for (WeightsManifest.Group g : outline.manifest().groups()) {
            groups.add(readGroup(dir, g, dir.toString()));
        }
        return new TfjsFiles(outline.modelJson(), outline.topology(), outline.manifest(), List.copyOf(groups));
    }

    public static Outline readOutline(Path dir) {
        String model = dir.toString();
        Path file = dir.resolve(MODEL_JSON);
        if (!Files.isRegularFile(file)) {
            throw new SieveException(Files.isDirectory(dir)
                    ? "Model " + model + ": the folder has no model.json. Use a folder exported with"
                            + " tensorflowjs_converter --output_format tfjs_layers_model."
                    : "Model " + model + ": no such folder. Give the folder that holds model.json.");
        }
        byte[] bytes = readAll(file, model);
        JsonObject root = parseRoot(bytes, model);
        return new Outline(bytes, topology(root, model), WeightsManifest.parse(root.get("weightsManifest"), model));
    }

    /** Serialises a model written by Sieve. */
    public static TfjsFiles of(JsonObject topology, WeightsManifest manifest, List<byte[]> groups) {
        JsonObject root = new JsonObject();
        root.addProperty("format", "layers-model");
        root.addProperty("generatedBy", "Sieve");
        root.addProperty("convertedBy", "Sieve");
        root.add("modelTopology", topology);
        root.add("weightsManifest", manifest.toJson());
        byte[] json = new GsonBuilder().disableHtmlEscaping().create().toJson(root).getBytes(StandardCharsets.UTF_8);
        return new TfjsFiles(json, topology, manifest, List.copyOf(groups));
    }

    /** SHA-256 over model.json and then the shard bytes in manifest order, as lowercase hex. */
    public String sha256() {
        MessageDigest digest = Sha256.newDigest();
        digest.update(modelJson);
        groups.forEach(digest::update);
        return Sha256.hex(digest);
    }

    /**
     * Shard file names to bytes, each group cut as tfjs does into shards of {@link #SHARD_BYTES};
     * a fresh map the caller may add to.
     */
    public Map<String, byte[]> shardFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            byte[] bytes = groups.get(g);
            List<String> paths = manifest.groups().get(g).paths();
            for (int s = 0; s < paths.size(); s++) {
                int from = s * SHARD_BYTES;
                files.put(paths.get(s), Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + SHARD_BYTES)));
            }
        }
        return files;
    }

    public static JsonObject parseRoot(byte[] bytes, String model) {
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new SieveException("Model " + model + ": model.json is not valid JSON (" + JsonValues.problem(e)
                    + "). Export the model again.", e);
        }
        if (!root.isJsonObject()) {
            throw new SieveException("Model " + model + ": model.json is not a JSON object. Export the model again.");
        }
        return root.getAsJsonObject();
    }

    /** tfjs accepts the Keras config directly or wrapped in "model_config" (Keras h5 exports). */
    private static JsonObject topology(JsonObject root, String model) {
        JsonElement format = root.get("format");
        if (format != null && format.isJsonPrimitive() && format.getAsString().equals("graph-model")) {
            throw new SieveException("Model " + model + ": model.json is a TensorFlow.js graph model; Sieve reads"
                    + " layers models. Convert the Keras model with tensorflowjs_converter --output_format tfjs_layers_model.");
        }
        JsonElement topology = root.get("modelTopology");
        if (topology != null && topology.isJsonObject() && topology.getAsJsonObject().has("model_config")) {
            topology = topology.getAsJsonObject().get("model_config");
        }
        if (topology == null || !topology.isJsonObject()) {
            throw new SieveException("Model " + model + ": model.json has no modelTopology, so it is not a"
                    + " TensorFlow.js layers model. Convert the Keras model with tensorflowjs_converter.");
        }
        return topology.getAsJsonObject();
    }

    public static byte[] readGroup(Path dir, WeightsManifest.Group g, String model) {
        long expected = g.byteLength();
        List<Path> shards = new ArrayList<>();
        long actual = 0;
        for (String path : g.paths()) {
            Path shard = dir.resolve(path);
            if (!Files.exists(shard)) {
                throw new SieveException("Model " + model + ": shard file '" + path + "' named in model.json is"
                        + " missing. Copy every .bin file that came with model.json into the folder.");
            }
            try {
                if (!shard.toRealPath().startsWith(dir.toRealPath())) {
                    throw new SieveException("Model " + model + ": shard file '" + path + "' links to "
                            + shard.toRealPath() + ", outside the model folder. Keep the shard files themselves"
                            + " beside model.json.");
                }
                actual = Sizes.sumAtMost(actual, BoundedFiles.requireRegular(shard, WeightsManifest.MAX_BYTES));
            } catch (IOException e) {
                throw unreadable(shard, e, model);
            }
            shards.add(shard);
        }
        if (actual != expected) {
            throw new SieveException("Model " + model + ": shard files " + g.paths() + " hold " + actual
                    + " bytes but model.json's weightsManifest lists " + expected + " bytes of weights for them ("
                    + (actual < expected ? "too short" : "too long")
                    + "). The shards are damaged or belong to another model.json; export the model again.");
        }
        byte[] bytes = new byte[(int) expected];
        int offset = 0;
        for (Path shard : shards) {
            try (InputStream in = Files.newInputStream(shard)) {
                offset += in.readNBytes(bytes, offset, bytes.length - offset);
            } catch (IOException e) {
                throw unreadable(shard, e, model);
            }
        }
        return bytes;
    }

    public static byte[] readAll(Path file, String model) {
        try {
            return BoundedFiles.read(file, MAX_JSON_BYTES);
        } catch (IOException e) {
            throw unreadable(file, e, model);
        }
    }

    private static SieveException unreadable(Path file, IOException e, String model) {
        return new SieveException("Model " + model + ": cannot read " + file.getFileName() + " (" + e.getMessage()
                + "). Check that it is a readable file.", e);
    }
}
