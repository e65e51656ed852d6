package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.analysis.ResultJson;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelStore;

/** The command line on good and bad input, through {@link Main#run} as a user would call it. */
class MainTest {

    @TempDir
    static Path dir;
    static Path models;
    static Path model;
    static Path image;

    record Outcome(int status, String out, String err) {
    }

    @BeforeAll
    static void setUp() throws IOException {
        models = dir.resolve("models");
        model = models.resolve("tiny-conv");
        ModelStore.save(ModelStore.inMemory(TestNetworks.convStack(1f, 1),
                ModelMetadata.defaults("tiny-conv", TestNetworks.convStack(1f, 1))), model);
        image = dir.resolve("digit.png");
        BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(15, 5, 10, 30);
        g.dispose();
        ImageIO.write(img, "png", image.toFile());
    }

    static Outcome sieve(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String[] analyze(String... extra) {
        List<String> args = new ArrayList<>(List.of("analyze", "--model", model.toString(), "--image",
                image.toString(), "--steps", "30"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void listsModelsAsJson() {
        Outcome o = sieve("models", "--json", "--model-dir", models.toString());
        assertEquals(0, o.status(), o.err());
        JsonArray list = ResultJson.GSON_FOR_TESTS.fromJson(o.out(), JsonArray.class);
        assertTrue(list.asList().stream().anyMatch(m -> m.getAsJsonObject().get("id").getAsString().equals("tiny-conv")
                && m.getAsJsonObject().get("decoders").getAsInt() == 0));
        assertTrue(list.asList().stream().anyMatch(m -> m.getAsJsonObject().get("id").getAsString()
                .equals("lenet5-mnist") && m.getAsJsonObject().get("decoders").getAsInt() == 8), "bundled decoders");
        assertTrue(list.asList().stream().anyMatch(m -> m.getAsJsonObject().get("id").getAsString()
                .equals("mobilenet-v2-imagenet") && m.getAsJsonObject().get("kind").getAsString()
                .equals("feature-extractor")), "photo model's kind");
    }

    @Test
    void listsModelsWithKindAndInputSize() {
        Outcome o = sieve("models");
        assertEquals(0, o.status(), o.err());
        String mobileNet = o.out().lines().filter(l -> l.startsWith("mobilenet-v2-imagenet")).findFirst().orElseThrow();
        assertTrue(mobileNet.contains("feature extractor") && mobileNet.contains("224x224x3"), mobileNet);
        String lenet = o.out().lines().filter(l -> l.startsWith("lenet5-mnist")).findFirst().orElseThrow();
        assertTrue(lenet.contains("classifier") && lenet.contains("28x28x1"), lenet);
    }

    @Test
    void listsLayersWithShapes() {
        Outcome o = sieve("layers", "--model", model.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("conv1") && o.out().contains("12x12x4"), o.out());
        assertTrue(o.out().contains("pool1") && o.out().contains("6x6x4"), o.out());
    }

    @Test
    void analyzeWritesEveryOutputAndJsonOnlyOnStdout() throws IOException {
        Path out = dir.resolve("run1");
        Outcome o = sieve(analyze("--layers", "conv1,conv2", "--mask", "auto", "--out", out.toString(), "--json"));
        assertEquals(0, o.status(), o.err());
        JsonObject result = ResultJson.parse(o.out());
        assertEquals("tiny-conv", result.getAsJsonObject("model").get("id").getAsString());
        assertEquals(64, result.getAsJsonObject("model").get("sha256").getAsString().length());
        assertTrue(result.getAsJsonObject("image").getAsJsonObject("preprocessing").size() > 0);
        JsonObject settings = result.getAsJsonObject("settings");
        for (String key : List.of("tau", "sigma0", "grid", "draws", "steps", "seed", "device")) {
            assertTrue(settings.has(key), key);
        }
        JsonArray layers = result.getAsJsonArray("layers");
        assertEquals(2, layers.size());
        double seconds = result.get("seconds").getAsDouble();
        JsonObject first = layers.get(0).getAsJsonObject();
        double layerSeconds = first.get("seconds").getAsDouble();
        // A layer from the cache keeps the time it took when computed; this analysis then only read it.
        boolean computed = !first.get("cached").getAsBoolean();
        assertTrue(seconds > 0 && layerSeconds > 0 && (!computed || seconds >= layerSeconds), "whole analysis "
                + seconds + " s, its layers' " + layerSeconds + " s" + (computed ? "" : " (cached)"));
        JsonObject conv1 = layers.get(0).getAsJsonObject();
        assertEquals("conv1", conv1.get("name").getAsString());
        for (String key : List.of("outputShape", "entropyPerDim", "entropyTotal", "entropyEnvelope", "distortionRatio",
                "lambda", "converged", "saturatedCells", "steps", "seconds", "sigma", "entropyMap",
                "foregroundEntropy", "backgroundEntropy", "concentration", "knowledgePoints")) {
            assertTrue(conv1.has(key), key);
        }
        assertEquals(12, conv1.getAsJsonArray("sigma").size());
        assertEquals(Files.readString(out.resolve("result.json")), o.out());
        List<String> csv = Files.readAllLines(out.resolve("entropy.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("conv1,"));
        BufferedImage png = ImageIO.read(out.resolve("conv2.png").toFile());
        assertTrue(png.getWidth() > 300 && png.getHeight() > 300);
    }

    @Test
    void regionIsAnalysedAndRecordedOrRefused() {
        Path out = dir.resolve("region-out");
        Outcome o = sieve(analyze("--layers", "conv1", "--region", "10,0,20,30", "--out", out.toString(),
                "--json"));
        assertEquals(0, o.status(), o.err());
        JsonObject pre = JsonParser.parseString(o.out()).getAsJsonObject().getAsJsonObject("image")
                .getAsJsonObject("preprocessing");
        assertEquals("{\"x\":10,\"y\":0,\"width\":20,\"height\":30}", pre.get("regionInSourcePixels").toString());
        assertEquals(pre.get("regionInSourcePixels"), pre.get("cropInSourcePixels"));

        Outcome outside = sieve(analyze("--region", "30,0,20,20"));
        assertEquals(3, outside.status());
        assertTrue(outside.err().contains("does not lie inside") && outside.err().contains("40x40"), outside.err());
        Outcome malformed = sieve("snapshot", "--model", model.toString(), "--image", image.toString(), "--region",
                "1,2", "--out", dir.resolve("s.png").toString());
        assertEquals(3, malformed.status(), malformed.err());
        assertTrue(malformed.err().contains("must be x,y,w,h"), malformed.err());
    }

    @Test
    void aPhotoOnADigitModelWarns() {
        Outcome o = sieve("analyze", "--model", "lenet5-mnist", "--image", "sample-images/astronaut.png", "--layers",
                "conv1", "--steps", "2", "--mask", "auto", "--no-cache", "--out", dir.resolve("astronaut").toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().lines().anyMatch(l -> l.startsWith("warning: astronaut.png looks like a colour photo")),
                o.err());
        assertTrue(o.err().lines().anyMatch(l -> l.startsWith("note: The automatic foreground")), o.err());
        Outcome digit = sieve("analyze", "--model", "lenet5-mnist", "--image", "sample-images/mnist/0-7.png",
                "--layers", "conv1", "--steps", "2", "--mask", "auto", "--no-cache", "--out",
                dir.resolve("digit").toString());
        assertFalse(digit.err().contains("warning:") || digit.err().contains("note:"), digit.err());
    }

    @Test
    void missingImageIsBadInput() {
        Outcome o = sieve("analyze", "--model", model.toString(), "--image", dir.resolve("nope.png").toString());
        assertEquals(3, o.status());
        assertTrue(o.err().contains("nope.png"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }

    @Test
    void corruptImageIsBadInput() throws IOException {
        Path bad = dir.resolve("broken.png");
        Files.write(bad, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Outcome o = sieve("analyze", "--model", model.toString(), "--image", bad.toString());
        assertEquals(3, o.status());
        assertTrue(o.err().contains("broken.png"), o.err());
    }

    @Test
    void unknownLayerListsValidOnes() {
        Outcome o = sieve(analyze("--layers", "conv9"));
        assertEquals(3, o.status());
        assertTrue(o.err().contains("conv9") && o.err().contains("conv1, pool1, conv2"), o.err());
    }

    @Test
    void impossibleSettingsAreNamed() {
        Outcome tau = sieve(analyze("--tau", "0"));
        assertEquals(3, tau.status());
        assertTrue(tau.err().contains("tau"), tau.err());
        Outcome steps = sieve(analyze("--steps", "0"));
        assertEquals(2, steps.status());
        assertTrue(steps.err().contains("--steps"), steps.err());
        Outcome grid = sieve(analyze("--grid", "20x20"));
        assertEquals(3, grid.status());
        assertTrue(grid.err().contains("20x20") && grid.err().contains("12x12"), grid.err());
    }

    @Test
    void unknownModelAndOptionsAreExplained() {
        Outcome model = sieve("layers", "--model", "no-such-model");
        assertEquals(3, model.status());
        assertTrue(model.err().contains("no-such-model"), model.err());
        Outcome option = sieve("models", "--colour");
        assertEquals(2, option.status());
        assertTrue(option.err().contains("--colour"), option.err());
    }

    @Test
    void modelWithMissingShardIsBadInput() throws IOException {
        Path broken = dir.resolve("broken-model");
        ModelStore.save(ModelStore.inMemory(TestNetworks.convStack(1f, 2),
                ModelMetadata.defaults("broken", TestNetworks.convStack(1f, 2))), broken);
        try (var files = Files.list(broken)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".bin")).toList()) {
                Files.delete(p);
            }
        }
        Outcome o = sieve("layers", "--model", broken.toString());
        assertEquals(3, o.status());
        assertTrue(o.err().contains(".bin"), o.err());
    }

    @Test
    void unsupportedLayerIsNamed() throws IOException {
        Path odd = dir.resolve("lambda-model");
        ModelStore.save(ModelStore.inMemory(TestNetworks.convStack(1f, 2),
                ModelMetadata.defaults("odd", TestNetworks.convStack(1f, 2))), odd);
        Path json = odd.resolve("model.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\"MaxPooling2D\"", "\"Lambda\""));
        Outcome o = sieve("layers", "--model", odd.toString());
        assertEquals(3, o.status());
        assertTrue(o.err().contains("pool1") && o.err().contains("Lambda"), o.err());
    }
}
