package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sieve.cli.MainTest.sieve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled photo networks answer on the sample photos as their reference runtime (TensorFlow.js)
 * does, through {@code ./sieve predict}, {@code models} and {@code analyze} as a user runs them.
 */
@Tag("zoo")
class PhotoPredictTest {

    static final String ASTRONAUT = "sample-images/astronaut.png";
    static final String FACE = "150,20,180,180";

    @TempDir
    static Path tmp;

    @Test
    void theEmotionModelSeesTheAstronautSmile() {
        assertEquals(List.of("happy"), predict("emotion-fer2013", ASTRONAUT, "--region", FACE, "--top", "1"));
    }

    @Test
    void centerNetFindsThePersonAndTheCup() {
        assertEquals(List.of("person"), predict("centernet-coco", ASTRONAUT, "--top", "1"));
        List<String> coffee = predict("centernet-coco", "sample-images/coffee.png", "--top", "3");
        assertEquals(3, coffee.size());
        assertTrue(coffee.contains("cup"), coffee.toString());
    }

    /** A detector's --json gives its 80 class scores, the numbers top ranks, not its 1.3-million-value heatmap. */
    @Test
    void aDetectorsJsonHoldsItsClassScores() {
        MainTest.Outcome o = sieve("predict", "--model", "centernet-coco", "--image", ASTRONAUT, "--json");
        assertEquals(0, o.status(), o.err());
        JsonObject json = JsonParser.parseString(o.out()).getAsJsonObject();
        assertFalse(json.has("output"), "no heatmap");
        JsonArray scores = json.getAsJsonArray("scores");
        assertEquals(80, scores.size());
        JsonObject top = json.getAsJsonArray("top").get(0).getAsJsonObject();
        assertEquals("person", top.get("label").getAsString());
        double best = 0;
        for (JsonElement s : scores) {
            best = Math.max(best, s.getAsDouble());
        }
        assertEquals(best, top.get("score").getAsDouble(), 1e-6);
        assertTrue(o.out().length() < 10_000, o.out().length() + " characters");
    }

    @Test
    void modelsListsBothWithKindAndInputSize() {
        MainTest.Outcome o = sieve("models");
        assertEquals(0, o.status(), o.err());
        assertTrue(line(o.out(), "emotion-fer2013").matches(".* classifier +64x64x1 .*"), o.out());
        assertTrue(line(o.out(), "centernet-coco").matches(".* detector \\(class score: max of Sigmoid over positions\\)"
                + " +512x512x3 .*"), o.out());
    }

    /** Two layers of the face meet the constraint, |D/D0 - tau| / tau <= 0.1, measured on fresh noise. */
    @Test
    void twoEmotionLayersMeetTheConstraintOnTheFace() {
        MainTest.Outcome o = sieve("analyze", "--model", "emotion-fer2013", "--image", ASTRONAUT, "--region", FACE,
                "--layers", "block1_conv2_act.Relu,add_1.add", "--steps", "100", "--no-cache", "--json", "--out",
                tmp.resolve("emotion-face").toString());
        assertEquals(0, o.status(), o.err());
        JsonArray layers = JsonParser.parseString(o.out()).getAsJsonObject().getAsJsonArray("layers");
        assertEquals(2, layers.size());
        for (JsonElement layer : layers) {
            double ratio = layer.getAsJsonObject().get("distortionRatio").getAsDouble();
            assertTrue(Math.abs(ratio - 1.5) / 1.5 <= 0.1, layer.getAsJsonObject().get("name") + ": D/D0 " + ratio);
        }
    }

    /** The labels of predict's table, best first (a label may hold spaces: "dining table"). */
    private static List<String> predict(String model, String image, String... more) {
        List<String> args = new ArrayList<>(List.of("predict", "--model", model, "--image", image));
        args.addAll(List.of(more));
        MainTest.Outcome o = sieve(args.toArray(String[]::new));
        assertEquals(0, o.status(), o.err());
        return o.out().lines().skip(2).map(l -> l.trim().replaceFirst("^\\d+ +(.*?) +[0-9.]+$", "$1")).toList();
    }

    private static String line(String text, String id) {
        return text.lines().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow(() -> new AssertionError(
                id + " not listed:\n" + text));
    }
}
