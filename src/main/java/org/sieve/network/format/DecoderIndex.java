package org.sieve.network.format;

import org.sieve.Sha256;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.io.BoundedFiles;
import org.sieve.io.JsonValues;
import org.sieve.model.DecoderSet;
import org.sieve.model.Model;
import org.sieve.network.Network;
import org.sieve.network.format.common.TfjsFiles;

/**
 * The decoders of metric 2 (METHOD.md section 3) on disk: a folder {@code decoders/} beside the
 * model's files with one TensorFlow.js layers model per layer and an index, {@code decoders.json},
 * that records which model weights they were trained for, how, and each decoder's reconstruction
 * error on held-out images. Reads them into a {@link DecoderSet}.
 */
public final class DecoderIndex {

    public static final String FOLDER = "decoders";
    public static final String INDEX = "decoders.json";
    private static final int FORMAT = 1;
    /** What {@link #mixedDesigns} calls decoders whose entry records no design. */
    static final String EARLIER_DESIGN = "earlier design";

    private DecoderIndex() {
    }

    public static Path folderOf(Path modelDir) {
        return modelDir.resolve(FOLDER);
    }

    /** The layers that have a decoder for the model's current weights, in the index's order. */
    public static List<String> trainedLayers(Model model) {
        JsonObject index = model.dir() == null ? null : readQuietly(folderOf(model.dir()));
        if (index == null || !index.has("model") || !model.sha256().equals(index.get("model").getAsString())) {
            return List.of();
        }
        return List.copyOf(index.getAsJsonObject("layers").keySet());
    }

    /** How many layers have a decoder in the model folder's index (0 without one); weights are not checked. */
    public static int layerCount(Path modelDir) {
        JsonObject index = modelDir == null ? null : readQuietly(folderOf(modelDir));
        return index == null ? 0 : index.getAsJsonObject("layers").size();
    }

    /**
     * The decoders stored beside {@code model}.
     *
     * @throws SieveException saying how to train them when there are none, or they belong to other weights
     */
    public static DecoderSet load(Model model) {
        JsonObject index = usableIndex(model);
        Path folder = folderOf(model.dir());
        Map<String, DecoderSet.Decoder> decoders = new LinkedHashMap<>();
        JsonObject layers = index.getAsJsonObject("layers");
        for (String layer : layers.keySet()) {
            JsonObject entry = layers.getAsJsonObject(layer);
            String sub = text(entry, "folder", folder);
            if (!sub.equals(folderName(sub)) || sub.startsWith(".")) {
                throw new SieveException(folder.resolve(INDEX) + " names decoder folder '" + sub + "' for layer '"
                        + layer + "'; it must be a plain folder name inside " + folder + ". Train the decoders again.");
            }
            Network network = TfjsLayersFormat.read(folder.resolve(sub));
            decoders.put(layer, new DecoderSet.Decoder(layer, network, number(entry, "heldOutMse", folder),
                    (int) number(entry, "heldOutImages", folder), curve(entry.get("heldOutMseByEpoch"))));
        }
        return new DecoderSet(modelArgument(model), model.metadata().dataset(), decoders, model.sha256(),
                fingerprint(model));
    }

    /**
     * Checks, from the index alone (no decoder is read), that every layer has a decoder for the
     * model's weights: what a command verifies before it starts work.
     *
     * @throws SieveException as {@link #load} and {@link DecoderSet#forLayers} would
     */
    public static void check(Model model, List<String> layers) {
        Set<String> trained = usableIndex(model).getAsJsonObject("layers").keySet();
        DecoderSet.requireAll(modelArgument(model), model.metadata().dataset(), layers, trained);
    }

    /**
     * Null when the decoders of {@code layers} share one design, else a warning naming the layers of
     * each design: r̄ compares fairly only between decoders of equal capacity. From the index alone;
     * layers without a decoder are left to {@link #check}.
     */
    public static String mixedDesigns(Model model, List<String> layers) {
        JsonObject index = model.dir() == null ? null : readQuietly(folderOf(model.dir()));
        if (index == null || !index.has("layers")) {
            return null;
        }
        JsonObject entries = index.getAsJsonObject("layers");
        Map<String, List<String>> byDesign = new LinkedHashMap<>();
        for (String layer : layers) {
            if (entries.has(layer)) {
                byDesign.computeIfAbsent(design(entries.getAsJsonObject(layer)), d -> new ArrayList<>()).add(layer);
            }
        }
        if (byDesign.size() < 2) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        byDesign.forEach((design, names) -> groups.add(String.join(", ", names) + " (" + design + ")"));
        List<String> earlier = byDesign.getOrDefault(EARLIER_DESIGN, List.of());
        return "The decoders of these layers of " + model.id() + " are of different designs: "
                + String.join("; ", groups) + ". Their r̄ do not compare fairly (the earlier design made"
                + " decoders of small maps deeper, so r̄ can dip after a pooling layer); choose layers of one"
                + " design" + (earlier.isEmpty() ? "." : ", or retrain the others: sieve train-decoders --model "
                + modelArgument(model) + " --layers " + String.join(",", earlier) + " --replace.");
    }

    /** The design an index entry records for its decoder; entries from before designs were recorded are the earlier one. */
    private static String design(JsonObject entry) {
        JsonElement training = entry.get("training");
        JsonElement design = training != null && training.isJsonObject() ? training.getAsJsonObject().get("design")
                : null;
        return design != null && design.isJsonPrimitive() ? design.getAsString() : EARLIER_DESIGN;
    }

    /** The model's decoder index, checked to exist and to belong to the model's weights. */
    private static JsonObject usableIndex(Model model) {
        Path folder = model.dir() == null ? null : folderOf(model.dir());
        JsonObject index = folder == null ? null : readIndex(folder);
        if (index == null) {
            throw new SieveException("Model '" + model.id() + "' has no decoders, which reconstruction uncertainty"
                    + " (metric 2) needs. " + howToTrain(model));
        }
        if (!model.sha256().equals(text(index, "model", folder))) {
            throw new SieveException("The decoders in " + folder + " were trained for other weights of model '"
                    + model.id() + "'. " + howToTrain(model));
        }
        return index;
    }

    /**
     * SHA-256 of the model's decoder index, or "none": the index names the model's weights and
     * records every training run, so retrained decoders get a new fingerprint.
     */
    public static String fingerprint(Model model) {
        Path file = model.dir() == null ? null : folderOf(model.dir()).resolve(INDEX);
        if (file == null || !Files.isRegularFile(file)) {
            return "none";
        }
        try {
            return Sha256.ofBytes(Files.readAllBytes(file));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /**
     * Writes the decoders into {@code modelDir/decoders}, keeping those of other layers already there
     * for the same weights. Each layer's entry records the training run that made it (its design
     * among them), so a set retrained in part says which decoders are which. Each decoder's files
     * are written first, the index last, so a reader never sees an index naming a half-written decoder.
     */
    public static void save(Path modelDir, String modelSha256, Map<String, DecoderSet.Decoder> decoders,
            JsonObject training) {
        Path folder = folderOf(modelDir);
        JsonObject old = readQuietly(folder);
        JsonObject layers = new JsonObject();
        if (old != null && modelSha256.equals(old.get("model").getAsString()) && old.has("layers")) {
            // Indexes before per-layer records kept one run for the whole set.
            JsonElement oldRun = old.get("training");
            old.getAsJsonObject("layers").entrySet().forEach(e -> {
                JsonObject entry = e.getValue().getAsJsonObject();
                if (!entry.has("training") && oldRun != null) {
                    entry.add("training", oldRun);
                }
                layers.add(e.getKey(), entry);
            });
        }
        for (DecoderSet.Decoder d : decoders.values()) {
            String sub = folderName(d.layer());
            TfjsLayersFormat.write(d.network(), folder.resolve(sub));
            JsonObject entry = new JsonObject();
            entry.addProperty("folder", sub);
            entry.addProperty("heldOutMse", d.heldOutMse());
            entry.addProperty("heldOutImages", d.heldOutImages());
            entry.addProperty("parameters", d.network().parameterCount());
            JsonArray curve = new JsonArray();
            d.heldOutMseByEpoch().forEach(curve::add);
            entry.add("heldOutMseByEpoch", curve);
            entry.add("training", training);
            layers.add(d.layer(), entry);
        }
        JsonObject index = new JsonObject();
        index.addProperty("format", FORMAT);
        index.addProperty("model", modelSha256);
        index.addProperty("featureMap", "auto: ReLU for hidden layers, identity at the output");
        index.add("layers", layers);
        Gson gson = new GsonBuilder().setPrettyPrinting().create();
        AtomicFolderWrite.write(folder, Map.of(INDEX, (gson.toJson(index) + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** A folder name for a layer: layer names may hold characters no file system takes. */
    static String folderName(String layer) {
        return layer.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String howToTrain(Model model) {
        return DecoderSet.howToTrain(modelArgument(model), model.metadata().dataset(), null);
    }

    /** How to name the model on the command line: its id when its folder bears it, else the folder. */
    private static String modelArgument(Model model) {
        Path dir = model.dir();
        return dir == null || dir.getFileName().toString().equals(model.id()) ? model.id() : dir.toString();
    }

    private static JsonObject readQuietly(Path folder) {
        try {
            return readIndex(folder);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The index, or null when the folder has none. */
    private static JsonObject readIndex(Path folder) {
        Path file = folder.resolve(INDEX);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonElement root = JsonParser.parseString(new String(BoundedFiles.read(file, TfjsFiles.MAX_JSON_BYTES),
                    StandardCharsets.UTF_8));
            JsonObject index = root.isJsonObject() ? root.getAsJsonObject() : new JsonObject();
            JsonElement layers = index.get("layers");
            if (JsonValues.text(index.get("model")).isEmpty() || layers == null || !layers.isJsonObject()
                    || !layers.getAsJsonObject().asMap().values().stream().allMatch(JsonElement::isJsonObject)) {
                throw new SieveException(file + " is not a decoder index (it needs \"model\", the weights' hash,"
                        + " and \"layers\", an object per layer). Delete the folder and train the decoders again.");
            }
            return index;
        } catch (IOException e) {
            throw new SieveException("Cannot read " + file + ": " + e.getMessage() + ".");
        } catch (JsonParseException e) {
            throw new SieveException(file + " is not valid JSON (" + JsonValues.problem(e)
                    + "). Delete the folder and train the decoders again.");
        }
    }

    /** A recorded learning curve; indexes written before curves were recorded have none. */
    private static List<Double> curve(JsonElement e) {
        if (e == null || !e.isJsonArray()) {
            return List.of();
        }
        return e.getAsJsonArray().asList().stream().map(JsonValues::finite)
                .filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble).toList();
    }

    private static double number(JsonObject o, String key, Path folder) {
        return JsonValues.finite(o.get(key)).orElseThrow(() -> new SieveException(folder.resolve(INDEX)
                + " lacks the number \"" + key + "\" for a decoder. Train the decoders again."));
    }

    private static String text(JsonObject o, String key, Path folder) {
        return JsonValues.text(o.get(key)).orElseThrow(() -> new SieveException(folder.resolve(INDEX)
                + " lacks the text \"" + key + "\". Train the decoders again."));
    }

}
