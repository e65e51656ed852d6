package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.network.Activation;
import org.sieve.network.BatchNormalization;
import org.sieve.network.Conv2D;
import org.sieve.network.Dense;
import org.sieve.network.InputLayer;
import org.sieve.network.Reshape;

/** Every way a model folder can be wrong gives one clear message naming what and where. */
class TfjsErrorTest {

    @TempDir
    Path tmp;

    private Path dir;

    /** input 6x6x1 -> conv1 (4 filters) -> bn -> flat -> dense (2 units), saved by Sieve. */
    @BeforeEach
    void writeValidModel() {
        dir = tmp.resolve("small");
        TfjsLayersFormat.write(FormatFixtures.withRandomWeights(List.of(new InputLayer("input", 6, 6, 1),
                new Conv2D("conv1", List.of("input"), 4, new int[] {3, 3}, new int[] {1, 1}, "valid", new int[] {1, 1},
                        true, Activation.RELU),
                new BatchNormalization("bn", List.of("conv1"), 1e-3f, 0.99f, true, true),
                Reshape.flatten("flat", List.of("bn")),
                new Dense("dense", List.of("flat"), 2, true, Activation.LINEAR)), 11), dir);
    }

    @Test
    void missingFolderAndMissingModelJson() throws IOException {
        assertMessage(tmp.resolve("nowhere"), "no such folder");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertMessage(empty, "the folder has no model.json", "tfjs_layers_model");
    }

    @Test
    void modelJsonThatIsNotJson() throws IOException {
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"layers-model\", oops");
        assertMessage(dir, "model.json is not valid JSON");
    }

    @Test
    void graphModel() throws IOException {
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"graph-model\", \"modelTopology\": {}}");
        assertMessage(dir, "graph model", "--output_format tfjs_layers_model");
    }

    @Test
    void missingShard() throws IOException {
        Files.delete(dir.resolve("group1-shard1of1.bin"));
        assertMessage(dir, "shard file 'group1-shard1of1.bin'", "missing");
    }

    @Test
    void shardTooShortOrTooLong() throws IOException {
        Path shard = dir.resolve("group1-shard1of1.bin");
        byte[] bytes = Files.readAllBytes(shard);
        Files.write(shard, Arrays.copyOf(bytes, bytes.length - 4));
        assertMessage(dir, "hold " + (bytes.length - 4) + " bytes", "lists " + bytes.length, "too short");
        Files.write(shard, bytes);
        Files.write(shard, new byte[] {1, 2}, StandardOpenOption.APPEND);
        assertMessage(dir, "hold " + (bytes.length + 2) + " bytes", "too long");
    }

    @Test
    void shardOutsideTheFolder() throws IOException {
        editModelJson(root -> manifest(root).getAsJsonObject().getAsJsonArray("paths").set(0,
                new JsonPrimitive("../elsewhere.bin")));
        assertMessage(dir, "'../elsewhere.bin'", "outside the model folder");
    }

    /** Same number of values, so only the layer can tell: conv1 has 4 filters, not 2. */
    @Test
    void weightShapeDisagreesWithLayer() throws IOException {
        editModelJson(root -> weight(root, "conv1/kernel").add("shape", ints(3, 3, 2, 2)));
        assertMessage(dir, "weight 'conv1/kernel' has shape [3, 3, 2, 2]", "layer 'conv1' (Conv2D) needs shape [3, 3, ?, 4]");
    }

    @Test
    void perChannelWeightsOfDifferentLengths() throws IOException {
        editModelJson(root -> {
            weight(root, "bn/gamma").add("shape", ints(2));
            weight(root, "bn/beta").add("shape", ints(6));
        });
        assertMessage(dir, "weight 'bn/beta' has shape [6]", "as many values as its other weights (2)");
    }

    @Test
    void missingWeight() throws IOException {
        editModelJson(root -> weight(root, "dense/bias").addProperty("name", "dense/offset"));
        assertMessage(dir, "layer 'dense' (Dense) needs weight 'dense/bias'", "no such weight");
    }

    @Test
    void inboundNodeNamesUnknownLayer() throws IOException {
        editModelJson(root -> layer(root, "flat").add("inbound_nodes",
                JsonParser.parseString("[[[\"ghost\", 0, 0, {}]]]")));
        assertMessage(dir, "layer 'flat' takes input from 'ghost'", "not a layer in model.json");
    }

    @Test
    void lambdaLayerIsRefusedByName() throws IOException {
        editModelJson(root -> {
            JsonObject lambda = layer(root, "flat");
            lambda.addProperty("class_name", "Lambda");
            lambda.getAsJsonObject("config").addProperty("function", "lambda x: __import__('os').system('rm -rf /')");
        });
        assertMessage(dir, "layer 'flat' is a Lambda layer (Python code), which Sieve never runs", "built-in layers");
    }

    @Test
    void unsupportedConfigValues() throws IOException {
        editModelJson(root -> layer(root, "bn").getAsJsonObject("config").addProperty("axis", 1));
        assertMessage(dir, "layer 'bn' (BatchNormalization) normalises over axis 1", "-1 or 3");
        writeValidModel();
        editModelJson(root -> layer(root, "conv1").getAsJsonObject("config").addProperty("data_format", "channels_first"));
        assertMessage(dir, "layer 'conv1' (Conv2D) uses data_format 'channels_first'");
        writeValidModel();
        editModelJson(root -> layer(root, "conv1").getAsJsonObject("config").addProperty("activation", "gelu"));
        assertMessage(dir, "uses activation 'gelu'");
    }

    @Test
    void nonImageInputAndSharedLayers() throws IOException {
        FormatFixtures.writeJson(tmp.resolve("mlp"), KerasJson.functional(
                KerasJson.layer("InputLayer", "in", "\"batch_input_shape\": [null, 784]"),
                KerasJson.layer("Dense", "d", "\"units\": 10", "in")));
        assertMessage(tmp.resolve("mlp"), "layer 'in' (InputLayer) takes input of shape [null,784]", "images");
        editModelJson(root -> layer(root, "flat").add("inbound_nodes",
                JsonParser.parseString("[[[\"bn\", 0, 0, {}]], [[\"bn\", 0, 0, {}]]]")));
        assertMessage(dir, "layer 'flat' is called 2 times");
    }

    private void assertMessage(Path model, String... parts) {
        SieveException e = assertThrows(SieveException.class, () -> ModelStore.load(model));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': " + e.getMessage());
        }
        assertTrue(e.getMessage().contains(model.toString()), "message does not name the model: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "message spans lines: " + e.getMessage());
    }

    private void editModelJson(Consumer<JsonObject> edit) throws IOException {
        Path file = dir.resolve("model.json");
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        edit.accept(root);
        Files.writeString(file, root.toString());
    }

    private static JsonElement manifest(JsonObject root) {
        return root.getAsJsonArray("weightsManifest").get(0);
    }

    private static JsonObject weight(JsonObject root, String name) {
        for (var w : manifest(root).getAsJsonObject().getAsJsonArray("weights")) {
            if (w.getAsJsonObject().get("name").getAsString().equals(name)) {
                return w.getAsJsonObject();
            }
        }
        throw new AssertionError("no weight " + name);
    }

    private static JsonObject layer(JsonObject root, String name) {
        for (var l : root.getAsJsonObject("modelTopology").getAsJsonObject("config").getAsJsonArray("layers")) {
            if (l.getAsJsonObject().get("name").getAsString().equals(name)) {
                return l.getAsJsonObject();
            }
        }
        throw new AssertionError("no layer " + name);
    }

    private static JsonArray ints(int... values) {
        JsonArray a = new JsonArray();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }
}
