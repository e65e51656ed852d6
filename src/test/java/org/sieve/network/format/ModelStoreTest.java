package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.image.ModelInput;
import org.sieve.model.Model;
import org.sieve.model.ModelKind;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Activation;
import org.sieve.network.Conv2D;
import org.sieve.network.Dense;
import org.sieve.network.GlobalPooling2D;
import org.sieve.network.InputLayer;
import org.sieve.network.Network;
import org.sieve.network.WeightTensor;

class ModelStoreTest {

    @TempDir
    Path tmp;

    /** 8x8x3 -> conv (4) -> global average -> dense (3 classes). */
    static Network classifier(long seed) {
        return FormatFixtures.withRandomWeights(List.of(new InputLayer("input", 8, 8, 3),
                new Conv2D("conv", List.of("input"), 4, new int[] {3, 3}, new int[] {1, 1}, "same", new int[] {1, 1},
                        true, Activation.RELU),
                new GlobalPooling2D("gap", List.of("conv"), false),
                new Dense("logits", List.of("gap"), 3, true, Activation.LINEAR)), seed);
    }

    static ModelMetadata metadata(String id) {
        JsonObject training = new JsonObject();
        training.addProperty("recipe", "adam-lr1e-3");
        training.addProperty("seed", 42);
        training.addProperty("epochs", 12);
        return new ModelMetadata(id, "Tiny classifier", "classification", "cifar10-subset", List.of("cat", "dog", "bird"),
                new ModelInput(8, 8, 3), new float[] {0.49f, 0.48f, 0.45f}, new float[] {0.25f, 0.24f, 0.26f},
                new int[] {4, 4}, 0.875,
                127L, training, "CC-BY-4.0", "Sieve authors", "A test model.", ModelKind.CLASSIFIER);
    }

    @Test
    void saveThenLoadKeepsEverything() {
        Network network = classifier(1);
        Model model = ModelStore.inMemory(network, metadata("tiny"));
        Path dir = tmp.resolve("models/tiny");
        ModelStore.save(model, dir);
        Model loaded = ModelStore.load(dir);

        FormatFixtures.assertSameLayers(network, loaded.network());
        FormatFixtures.assertSameWeights(network, loaded.network());
        assertEquals(dir, loaded.dir());
        assertNull(model.dir());
        assertEquals(model.sha256(), loaded.sha256());
        ModelMetadata m = loaded.metadata();
        ModelMetadata expected = metadata("tiny");
        assertEquals(expected.id(), m.id());
        assertEquals(expected.name(), m.name());
        assertEquals(expected.task(), m.task());
        assertEquals(expected.dataset(), m.dataset());
        assertEquals(expected.labels(), m.labels());
        assertEquals(new ModelInput(8, 8, 3), m.input());
        assertArrayEquals(expected.normalizationMean(), m.normalizationMean());
        assertArrayEquals(expected.normalizationStd(), m.normalizationStd());
        assertArrayEquals(expected.sigmaGrid(), m.sigmaGrid());
        assertEquals(expected.testAccuracy(), m.testAccuracy());
        assertEquals(127L, m.parameters());
        assertEquals(expected.training(), m.training());
        assertEquals(42, m.training().get("seed").getAsInt());
        assertEquals(expected.licence(), m.licence());
        assertEquals(expected.attribution(), m.attribution());
        assertEquals(expected.description(), m.description());
    }

    @Test
    void sha256CoversModelJsonThenShards() throws Exception {
        Path dir = tmp.resolve("m");
        ModelStore.save(ModelStore.inMemory(classifier(2), metadata("m")), dir);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(Files.readAllBytes(dir.resolve("model.json")));
        digest.update(Files.readAllBytes(dir.resolve("group1-shard1of1.bin")));
        assertEquals(HexFormat.of().formatHex(digest.digest()), ModelStore.load(dir).sha256());
        assertNotEquals(ModelStore.inMemory(classifier(3), metadata("m")).sha256(), ModelStore.load(dir).sha256());
    }

    /** A plain TensorFlow.js model: id from the folder, no labels, pixels as they are. */
    @Test
    void missingSieveJsonGivesDefaults() {
        Path dir = tmp.resolve("plain-model");
        Network network = classifier(4);
        TfjsLayersFormat.write(network, dir);
        ModelMetadata m = ModelStore.load(dir).metadata();
        assertEquals("plain-model", m.id());
        assertEquals("plain-model", m.name());
        assertEquals(List.of(), m.labels());
        assertArrayEquals(new float[] {0, 0, 0}, m.normalizationMean());
        assertArrayEquals(new float[] {1, 1, 1}, m.normalizationStd());
        assertNull(m.sigmaGrid());
        assertNull(m.testAccuracy());
        assertEquals(network.parameterCount(), m.parameters());
        assertEquals(network.parameterCount(), ModelStore.readMetadata(dir).parameters());
    }

    @Test
    void partialSieveJsonFillsTheRest() throws IOException {
        Path dir = tmp.resolve("partial");
        TfjsLayersFormat.write(classifier(5), dir);
        Files.writeString(dir.resolve("sieve.json"), "{\"name\": \"Partial\", \"labels\": [\"a\", \"b\", \"c\"]}");
        ModelMetadata m = ModelStore.load(dir).metadata();
        assertEquals("partial", m.id());
        assertEquals("Partial", m.name());
        assertEquals(List.of("a", "b", "c"), m.labels());
        assertEquals(8, m.input().width());
    }

    @Test
    void inconsistentSieveJsonNamesFileAndField() throws IOException {
        Path dir = tmp.resolve("bad");
        TfjsLayersFormat.write(classifier(6), dir);
        assertBad(dir, "{\"inputHeight\": 28}", "inputHeight x inputWidth x inputChannels is 28x8x3", "takes 8x8x3");
        assertBad(dir, "{\"labels\": [\"a\", \"b\"]}", "labels has 2 entries", "'logits' has 3 units");
        assertBad(dir, "{\"normalizationStd\": [0.2, 0, 0.2]}", "normalizationStd[1] is 0.0", "> 0");
        assertBad(dir, "{\"normalizationMean\": [0.5]}", "normalizationMean has 1 values", "3 channel(s)");
        assertBad(dir, "{\"testAccuracy\": 99.1}", "testAccuracy is 99.1", "fraction");
        assertBad(dir, "{\"sigmaGrid\": [4]}", "sigmaGrid must be [rows, columns]");
        assertBad(dir, "{\"labels\": \"cat\"}", "labels must be a list of strings");
        assertBad(dir, "{\"name\": ", "is not valid JSON", "delete it");
        assertBad(dir, "{\"kind\": \"segmenter\"}", "kind is \"segmenter\"", "\"feature-extractor\"");
        assertBad(dir, "{\"kind\": \"detector\"}", "needs scoresOutput");
        assertBad(dir, "{\"kind\": \"detector\", \"scoresOutput\": \"heat\"}", "scoresOutput names layer 'heat'");
        assertBad(dir, "{\"scoresOutput\": \"conv\"}", "only a detector");
        assertBad(dir, "{\"kind\": \"feature-extractor\", \"labels\": [\"a\", \"b\", \"c\"]}", "predicts no classes");
    }

    @Test
    void kindRoundTrips() throws IOException {
        Path dir = tmp.resolve("kinds");
        TfjsLayersFormat.write(classifier(9), dir);
        Files.writeString(dir.resolve("sieve.json"), "{\"kind\": \"detector\", \"scoresOutput\": \"conv\"}");
        ModelMetadata detector = ModelStore.load(dir).metadata();
        assertEquals(ModelKind.detector("conv"), detector.kind());
        SieveJson.write(detector, dir);
        assertEquals(ModelKind.detector("conv"), ModelStore.load(dir).metadata().kind());
        Files.writeString(dir.resolve("sieve.json"), "{\"kind\": \"feature-extractor\"}");
        assertEquals(ModelKind.FEATURE_EXTRACTOR, ModelStore.load(dir).metadata().kind());
        Files.delete(dir.resolve("sieve.json"));
        assertEquals(ModelKind.CLASSIFIER, ModelStore.load(dir).metadata().kind());
    }

    @Test
    void saveRefusesInconsistentMetadata() {
        ModelMetadata wrong = metadata("x");
        ModelMetadata m = new ModelMetadata("x", "x", "classification", null, List.of("one"), new ModelInput(8, 8, 3),
                wrong.normalizationMean(), wrong.normalizationStd(), null, null, 0, null, null, null, null, null);
        Path dir = tmp.resolve("x");
        SieveException e = assertThrows(SieveException.class, () -> ModelStore.save(ModelStore.inMemory(classifier(7), m), dir));
        assertTrue(e.getMessage().contains("labels has 1 entries"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("model.json")));
    }

    @Test
    void networkWithoutAWeightCannotBeSaved() {
        Network full = classifier(8);
        Map<String, WeightTensor> weights = new HashMap<>(full.weights());
        weights.remove("conv/bias");
        Network missing = new Network(full.layers(), weights);
        SieveException e = assertThrows(SieveException.class, () -> TfjsLayersFormat.write(missing, tmp));
        assertTrue(e.getMessage().contains("layer 'conv' (Conv2D) has no weight 'conv/bias'"), e.getMessage());
    }

    @Test
    void sieveJsonWritesAlone() throws IOException {
        Path dir = tmp.resolve("meta");
        SieveJson.write(metadata("meta"), dir);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("sieve.json"))).getAsJsonObject();
        assertEquals("meta", json.get("id").getAsString());
        assertEquals("[4,4]", json.get("sigmaGrid").toString());
        assertEquals(0.875, json.get("testAccuracy").getAsDouble());
    }

    private static void assertBad(Path dir, String sieveJson, String... parts) throws IOException {
        Files.writeString(dir.resolve("sieve.json"), sieveJson);
        SieveException e = assertThrows(SieveException.class, () -> ModelStore.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("sieve.json").toString()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': " + e.getMessage());
        }
    }
}
