package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sieve.cli.MainTest.sieve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.model.Model;
import org.sieve.model.ModelKind;
import org.sieve.network.format.ModelStore;

/** sieve import and sieve predict on Keras files, as a user runs them. */
class ImportPredictTest {

    static final Path H5 = Path.of("src/test/resources/formats/small-cnn.h5");
    static final Path KERAS = Path.of("src/test/resources/formats/small-cnn.keras");
    static final Path GRAPH = Path.of("src/test/resources/formats/tfjs-graph/emotion/emotion.json");

    @TempDir
    static Path tmp;
    static Path photo;

    /** Left half red, right half a blue-green gradient: a region differs from the whole. */
    @BeforeAll
    static void writePhoto() throws IOException {
        BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                img.setRGB(x, y, x < 30 ? Color.RED.getRGB() : new Color(0, 4 * y, 8 * (x - 30)).getRGB());
            }
        }
        photo = tmp.resolve("photo.png");
        ImageIO.write(img, "png", photo.toFile());
    }

    @Test
    void importWritesAModelFolderWithItsMetadata() throws IOException {
        Path labels = Files.writeString(tmp.resolve("labels.txt"), "cat\ndog\nbird\nfish\nfrog\n");
        Path out = tmp.resolve("small");
        MainTest.Outcome o = sieve("import", H5.toString(), "--out", out.toString(), "--normalization", "imagenet",
                "--labels", labels.toString(), "--name", "Small CNN");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("(Keras 2 .h5 (whole model))") && o.err().contains("5 labels"), o.err());
        Model m = ModelStore.load(out);
        assertEquals("small", m.id());
        assertEquals("Small CNN", m.metadata().name());
        assertEquals(List.of("cat", "dog", "bird", "fish", "frog"), m.metadata().labels());
        assertArrayEquals(new float[] {0.485f, 0.456f, 0.406f}, m.metadata().normalizationMean());
        assertArrayEquals(new float[] {0.229f, 0.224f, 0.225f}, m.metadata().normalizationStd());

        MainTest.Outcome again = sieve("import", H5.toString(), "--out", out.toString());
        assertEquals(3, again.status());
        assertTrue(again.err().contains("already holds a model"), again.err());
    }

    /** The emotion graph's last convolution gives a 8x8 map per class: read as a detector, its maxima score. */
    @Test
    void importChoosesAGraphOutputAndWritesTheKind() throws IOException {
        Path labels = Files.writeString(tmp.resolve("emotions.txt"),
                "angry\ndisgust\nfear\nhappy\nsad\nsurprise\nneutral\n");
        Path out = tmp.resolve("emotion-map");
        MainTest.Outcome o = sieve("import", GRAPH.toString(), "--out", out.toString(), "--labels", labels.toString(),
                "--output", "StatefulPartitionedCall/model_1/conv2d_5/BiasAdd", "--kind", "detector");
        assertEquals(0, o.status(), o.err());
        Model m = ModelStore.load(out);
        String map = m.network().output().name();
        assertTrue(map.startsWith("conv2d_5"), map);
        assertEquals(ModelKind.detector(map), m.metadata().kind());
        assertTrue(o.err().contains("detector (class score: max of " + map + " over positions)"), o.err());
        assertEquals(0, sieve("predict", "--model", out.toString(), "--image", photo.toString()).status());

        Path multi = multiOutputGraph();
        MainTest.Outcome two = sieve("import", multi.toString(), "--out", tmp.resolve("v").toString());
        assertEquals(0, two.status(), two.err());
        assertTrue(two.err().contains("note: ") && two.err().contains("has 2 outputs")
                && two.err().contains("--output NODE"), two.err());
        assertEquals(0, sieve("import", multi.toString(), "--out", tmp.resolve("w").toString(), "--output",
                "StatefulPartitionedCall/model_1/predictions/Softmax").status());

        MainTest.Outcome unknown = sieve("import", GRAPH.toString(), "--out", tmp.resolve("x").toString(),
                "--output", "no/such/node");
        assertEquals(3, unknown.status());
        assertTrue(unknown.err().contains("has no node 'no/such/node'"), unknown.err());
        MainTest.Outcome keras = sieve("import", H5.toString(), "--out", tmp.resolve("y").toString(), "--output", "d");
        assertEquals(3, keras.status());
        assertTrue(keras.err().contains("only graph models"), keras.err());
        MainTest.Outcome kind = sieve("import", H5.toString(), "--out", tmp.resolve("z").toString(), "--kind", "boxes");
        assertEquals(2, kind.status());
        assertTrue(kind.err().contains("--kind 'boxes' is not classifier, feature-extractor or detector[:LAYER]"),
                kind.err());
        MainTest.Outcome named = sieve("import", H5.toString(), "--out", tmp.resolve("z").toString(), "--kind",
                "classifier:dense");
        assertEquals(2, named.status());
        assertTrue(named.err().contains("only a detector names a layer"), named.err());
        assertTrue(Files.notExists(tmp.resolve("z")), "nothing written");
    }

    /** The emotion graph whose signature declares two outputs: its softmax and the class map before it. */
    private static Path multiOutputGraph() throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(GRAPH)).getAsJsonObject();
        JsonObject outputs = new JsonObject();
        for (String node : List.of("predictions/Softmax", "conv2d_5/BiasAdd")) {
            JsonObject output = new JsonObject();
            output.addProperty("name", "StatefulPartitionedCall/model_1/" + node + ":0");
            outputs.add(node, output);
        }
        JsonObject signature = new JsonObject();
        signature.add("outputs", outputs);
        root.add("signature", signature);
        Path dir = Files.createDirectories(tmp.resolve("two-outputs"));
        Files.copy(GRAPH.resolveSibling("emotion.bin"), dir.resolve("emotion.bin"));
        return Files.writeString(dir.resolve("model.json"), root.toString());
    }

    @Test
    void importedAndDirectModelsPredictTheSame() {
        Path out = tmp.resolve("plain");
        assertEquals(0, sieve("import", KERAS.toString(), "--out", out.toString()).status());
        MainTest.Outcome direct = sieve("predict", "--model", KERAS.toString(), "--image", photo.toString(), "--json");
        MainTest.Outcome imported = sieve("predict", "--model", out.toString(), "--image", photo.toString(), "--json");
        assertEquals(0, direct.status(), direct.err());
        assertEquals(direct.out(), imported.out());
        assertEquals(1, direct.err().lines().filter(l -> l.startsWith("note: ")).count(), direct.err());
        assertTrue(direct.err().contains("normalisation none") && direct.err().contains("sieve import"), direct.err());
        assertFalse(imported.err().contains("note:"), imported.err());
    }

    @Test
    void predictJsonHoldsTheOutputAndTheTopClasses() {
        MainTest.Outcome o = sieve("predict", "--model", H5.toString(), "--image", photo.toString(), "--json",
                "--top", "3");
        assertEquals(0, o.status(), o.err());
        JsonObject json = JsonParser.parseString(o.out()).getAsJsonObject();
        JsonArray output = json.getAsJsonArray("output");
        JsonArray top = json.getAsJsonArray("top");
        assertEquals(5, output.size());
        assertEquals(3, top.size());
        int best = 0;
        double sum = 0;
        for (int i = 0; i < output.size(); i++) {
            sum += output.get(i).getAsDouble();
            best = output.get(i).getAsDouble() > output.get(best).getAsDouble() ? i : best;
        }
        assertEquals(1, sum, 1e-5, "the model ends in softmax");
        assertEquals(String.valueOf(best), top.get(0).getAsJsonObject().get("label").getAsString());
        assertEquals(output.get(best).getAsDouble(), top.get(0).getAsJsonObject().get("score").getAsDouble(), 1e-6);
        for (int i = 1; i < top.size(); i++) {
            assertTrue(top.get(i - 1).getAsJsonObject().get("score").getAsDouble()
                    >= top.get(i).getAsJsonObject().get("score").getAsDouble());
        }
    }

    @Test
    void aRegionIsWhatThePredictionSees() {
        String whole = sieve("predict", "--model", H5.toString(), "--image", photo.toString(), "--json").out();
        String red = sieve("predict", "--model", H5.toString(), "--image", photo.toString(), "--json",
                "--region", "0,0,30,40").out();
        assertFalse(whole.equals(red));
        MainTest.Outcome outside = sieve("predict", "--model", H5.toString(), "--image", photo.toString(),
                "--region", "50,0,30,40");
        assertEquals(3, outside.status());
        assertTrue(outside.err().contains("Region 50,0,30,40 (x,y,w,h) does not lie inside")
                && outside.err().contains("which is 60x40 pixels"), outside.err());
    }

    @Test
    void refusalsAreOneLineWithExitStatusThree() {
        MainTest.Outcome torch = sieve("import", "src/test/resources/formats/torchscript.pt", "--out",
                tmp.resolve("t").toString());
        assertEquals(3, torch.status());
        assertTrue(torch.err().contains("torch.onnx.export"), torch.err());
        assertEquals(1, torch.err().lines().count(), torch.err());

        MainTest.Outcome labels = sieve("import", H5.toString(), "--out", tmp.resolve("l").toString(), "--labels",
                "imagenet");
        assertEquals(3, labels.status());
        assertTrue(labels.err().contains("labels has 1000 entries but output layer 'probs' has 5 units"), labels.err());

        MainTest.Outcome norm = sieve("import", H5.toString(), "--out", tmp.resolve("n").toString(),
                "--normalization", "0.5,0.5/1");
        assertEquals(3, norm.status());
        assertTrue(norm.err().contains("gives 2 values but the model takes 3 channel(s)"), norm.err());

        MainTest.Outcome size = sieve("import", H5.toString(), "--out", tmp.resolve("s").toString(), "--input", "24x24");
        assertEquals(0, size.status(), size.err());
        assertTrue(size.err().contains("input 24x24x3"), size.err());
        MainTest.Outcome flat = sieve("import", "src/test/resources/formats/sequential.h5", "--out",
                tmp.resolve("f").toString(), "--input", "16x16");
        assertEquals(3, flat.status());
        assertTrue(flat.err().contains("The model cannot take 16x16 input (it takes 8x8)"), flat.err());
    }
}
