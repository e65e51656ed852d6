package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.network.Activation;
import org.sieve.network.Dense;
import org.sieve.network.InputLayer;
import org.sieve.network.Network;
import org.sieve.network.Reshape;
import org.sieve.network.WeightTensor;

class TfjsRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void everyLayerTypeReadsBackEqualWithIdenticalOutputs() {
        Network original = FormatFixtures.everyLayerType(7);
        Path dir = tmp.resolve("nested/every");
        TfjsLayersFormat.write(original, dir);
        Network read = TfjsLayersFormat.read(dir);

        FormatFixtures.assertSameLayers(original, read);
        FormatFixtures.assertSameWeights(original, read);
        float[] input = FormatFixtures.randomInput(original.input(), 3);
        Map<String, float[]> expected = FormatFixtures.outputs(original, input);
        Map<String, float[]> actual = FormatFixtures.outputs(read, input);
        assertEquals(expected.keySet(), actual.keySet());
        for (String layer : expected.keySet()) {
            assertArrayEquals(FormatFixtures.rawBits(expected.get(layer)), FormatFixtures.rawBits(actual.get(layer)),
                    "output of " + layer);
        }
    }

    @Test
    void writesKerasFunctionalTopology() throws IOException {
        TfjsLayersFormat.write(FormatFixtures.everyLayerType(1), tmp);
        JsonObject root = JsonParser.parseString(Files.readString(tmp.resolve("model.json"))).getAsJsonObject();
        assertEquals("layers-model", root.get("format").getAsString());
        JsonObject topology = root.getAsJsonObject("modelTopology");
        assertEquals("Functional", topology.get("class_name").getAsString());
        JsonObject conv1 = topology.getAsJsonObject("config").getAsJsonArray("layers").get(4).getAsJsonObject();
        assertEquals("conv1", conv1.get("name").getAsString());
        assertEquals("[[[\"pad\",0,0,{}]]]", conv1.get("inbound_nodes").toString());
        assertEquals("relu", conv1.getAsJsonObject("config").get("activation").getAsString());
        assertEquals("[[\"prob\",0,0]]", topology.getAsJsonObject("config").get("output_layers").toString());
        assertEquals("conv1/kernel", root.getAsJsonArray("weightsManifest").get(0).getAsJsonObject()
                .getAsJsonArray("weights").get(2).getAsJsonObject().get("name").getAsString());
    }

    /** 1.1 M floats need two 4 MB shards; odd float bit patterns must survive. */
    @Test
    void largeWeightsAreShardedAndKeptBitForBit() throws IOException {
        Network big = bigDense();
        TfjsLayersFormat.write(big, tmp);
        assertEquals(4 * 1024 * 1024, Files.size(tmp.resolve("group1-shard1of2.bin")));
        assertTrue(Files.size(tmp.resolve("group1-shard2of2.bin")) > 0);
        FormatFixtures.assertSameWeights(big, TfjsLayersFormat.read(tmp));
    }

    @Test
    void rewritingGivesIdenticalBytesAndRemovesStaleShards() throws IOException {
        TfjsLayersFormat.write(bigDense(), tmp);
        Network small = FormatFixtures.everyLayerType(5);
        TfjsLayersFormat.write(small, tmp);
        byte[] first = Files.readAllBytes(tmp.resolve("model.json"));
        Path again = tmp.resolve("again");
        TfjsLayersFormat.write(TfjsLayersFormat.read(tmp), again);
        assertArrayEquals(first, Files.readAllBytes(again.resolve("model.json")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("group1-shard1of1.bin")),
                Files.readAllBytes(again.resolve("group1-shard1of1.bin")));
        try (Stream<Path> files = Files.list(tmp)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("again", "group1-shard1of1.bin", "model.json"), names);
        }
    }

    @Test
    void networkWithoutWeightsHasNoShards() throws IOException {
        Network pooling = new Network(List.of(new InputLayer("input", 4, 4, 1),
                Reshape.flatten("flat", List.of("input"))), Map.of());
        TfjsLayersFormat.write(pooling, tmp);
        FormatFixtures.assertSameLayers(pooling, TfjsLayersFormat.read(tmp));
        try (Stream<Path> files = Files.list(tmp)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".bin")));
        }
    }

    private static Network bigDense() {
        int in = 1100;
        int units = 1000;
        float[] kernel = new float[in * units];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (float) Math.sin(i) * 1e-3f;
        }
        kernel[0] = Float.intBitsToFloat(0x7fc00123); // NaN with a payload
        kernel[1] = -0.0f;
        kernel[2] = Float.MIN_VALUE;
        kernel[kernel.length - 1] = Float.NEGATIVE_INFINITY;
        return new Network(List.of(new InputLayer("input", 10, 11, 10), Reshape.flatten("flat", List.of("input")),
                new Dense("fc", List.of("flat"), units, true, Activation.RELU)),
                Map.of("fc/kernel", new WeightTensor(new long[] {in, units}, kernel),
                        "fc/bias", new WeightTensor(new long[] {units}, new float[units])));
    }
}
