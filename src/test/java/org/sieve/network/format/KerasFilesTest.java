package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.network.Network;

/**
 * Keras .h5 and .keras files written in Keras's layouts (scripts/write-format-fixtures.py) give
 * the outputs the script's numpy forward pass computed, and unsafe contents are refused.
 */
class KerasFilesTest {

    static final Path FIXTURES = Path.of("src/test/resources/formats");

    @TempDir
    Path tmp;

    @Test
    void keras2H5MatchesTheReference() throws IOException {
        assertMatchesReference(ModelFormats.open(FIXTURES.resolve("small-cnn.h5")).network(), "keras-reference.json");
    }

    @Test
    void keras3ArchiveMatchesTheReference() throws IOException {
        assertMatchesReference(ModelFormats.open(FIXTURES.resolve("small-cnn.keras")).network(), "keras-reference.json");
    }

    @Test
    void sequentialModelsMatchTheirReference() throws IOException {
        for (String file : new String[] {"sequential.h5", "sequential.keras"}) {
            Network n = ModelFormats.open(FIXTURES.resolve(file)).network();
            assertEquals("[c1, c2, p2, flat, out]", n.analysableLayers().stream().map(l -> l.name()).toList().toString());
            assertMatchesReference(n, "sequential-reference.json");
        }
    }

    @Test
    void nestedModelsBecomeLayersInPlace() {
        Network n = ModelFormats.open(FIXTURES.resolve("small-cnn.keras")).network();
        assertEquals("[image, conv1, bn1, pool1, block_conv, block_bn, block_relu, gap, probs]",
                n.layers().stream().map(l -> l.name()).toList().toString());
        assertEquals(java.util.List.of("pool1"), n.layer("block_conv").inputs());
        assertEquals(java.util.List.of("block_relu"), n.layer("gap").inputs());
    }

    @Test
    void theFileNameDoesNotMatter() throws IOException {
        Path misnamed = Files.copy(FIXTURES.resolve("small-cnn.keras"), tmp.resolve("model.onnx"));
        assertEquals("Keras 3 .keras", ModelFormats.recognise(misnamed).name());
        Path h5 = Files.copy(FIXTURES.resolve("small-cnn.h5"), tmp.resolve("weights.bin"));
        assertEquals("Keras 2 .h5 (whole model)", ModelFormats.recognise(h5).name());
    }

    @Test
    void lambdaLayersAreRefusedEvenWhenUnconnected() {
        assertRefused(FIXTURES.resolve("lambda-unconnected.h5"), "layer 'sneaky' is a Lambda layer");
    }

    @Test
    void customObjectsAreRefused() {
        assertRefused(FIXTURES.resolve("custom-object.keras"), "layer 'scaled' is a custom object 'my_package>Scale'");
    }

    @Test
    void archiveEntriesLeadingOutsideAreRefused() {
        assertRefused(FIXTURES.resolve("zip-slip.keras"), "entry '../../evil.txt', a path leading outside it");
    }

    @Test
    void zipBombIsRefusedBeforeItUnpacks() throws IOException {
        Path bomb = HostileModels.kerasBomb(tmp.resolve("bomb.keras"), 400);
        long allocated = Allocations.during(() -> assertRefused(bomb, "model.weights.h5 unpacks to at least"));
        assertTrue(allocated < 128 << 20, "allocated " + allocated + " bytes for a " + Files.size(bomb) + "-byte file");
    }

    /** huge-dataset.h5: sequential.h5 whose c1 kernel is a chunked [16384, 16384, 1, 1] dataset with no chunk written (h5py). */
    @Test
    void datasetDeclaringMoreThanTheFileHoldsIsRefusedBeforeAllocating() {
        Path file = FIXTURES.resolve("huge-dataset.h5");
        long allocated = Allocations.during(() -> assertRefused(file,
                "weight 'model_weights/c1/c1/kernel:0' declares shape [16384, 16384, 1, 1]"));
        assertTrue(allocated < 128 << 20, "allocated " + allocated + " bytes for an 18 KB file");
    }

    @Test
    void damagedHdf5StructureIsRefusedNamingTheFile() throws IOException {
        // jhdf reports such damage with plain runtime exceptions (here on a superblock whose offsets take 0 bytes).
        Path file = HostileModels.kerasEntry(tmp.resolve("damaged.keras"), KerasArchive.WEIGHTS, (weights, out) -> {
            weights[13] = 0;
            out.write(weights);
        });
        assertRefused(file, "model.weights.h5: the Keras weights file cannot be read as HDF5");
    }

    @Test
    void controlCharactersQuotedFromTheFileAreEscaped() throws IOException {
        Path file = HostileModels.kerasEntry(tmp.resolve("bell.keras"), KerasArchive.CONFIG, (config, out) ->
                out.write(new String(config, StandardCharsets.UTF_8).replaceFirst("\"Sequential\"", "\"Seq\u0007\u009b\"")
                        .getBytes(StandardCharsets.UTF_8)));
        assertRefused(file, "describes a 'Seq\\u0007\\u009b' model");
    }

    /** huge-object-header.h5: 6 KB from the fuzzer whose object headers declare sizes far beyond the file. */
    @Test
    void headerDeclaringMoreThanTheFileHoldsIsNotReadIntoMemory() {
        Path file = FIXTURES.resolve("huge-object-header.h5");
        long allocated = Allocations.during(() -> {
            SieveException e = assertThrows(SieveException.class, () -> ModelFormats.open(file));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        });
        assertTrue(allocated < 64 << 20, "allocated " + allocated + " bytes for a 6 KB file");
    }

    @Test
    void nonFiniteWeightsAreRefusedNamingTheTensor() throws Exception {
        Path copy = HostileModels.h5WithNaN("small-cnn.h5", "model_weights/probs/probs/bias:0", tmp.resolve("nan.h5"));
        assertRefused(copy, "weight 'model_weights/probs/probs/bias:0' holds NaN at index 0");
    }

    static void assertRefused(Path file, String expected) {
        SieveException e = assertThrows(SieveException.class, () -> ModelFormats.open(file));
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
    }

    private static void assertMatchesReference(Network network, String reference) throws IOException {
        JsonObject ref = JsonParser.parseString(Files.readString(FIXTURES.resolve(reference),
                StandardCharsets.UTF_8)).getAsJsonObject();
        Map<String, float[]> outputs = FormatFixtures.outputs(network, floats(ref.getAsJsonArray("input")));
        for (String layer : ref.getAsJsonObject("outputs").keySet()) {
            float[] expected = floats(ref.getAsJsonObject("outputs").getAsJsonArray(layer));
            float[] actual = outputs.get(layer);
            assertEquals(expected.length, actual.length, layer);
            double scale = 0;
            for (float v : expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < expected.length; i++) {
                double diff = Math.abs(expected[i] - actual[i]);
                assertTrue(diff <= 1e-4 * Math.max(Math.abs(expected[i]), scale * 1e-3),
                        layer + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }

    private static float[] floats(JsonArray a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsFloat();
        }
        return v;
    }
}
