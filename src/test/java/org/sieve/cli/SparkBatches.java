package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sieve.analysis.ResultJson;

/** What the Spark batch tests share: MNIST images, the command lines, and "same results as sieve batch". */
final class SparkBatches {

    /** Few steps: the tests check that both engines agree, not that the optimisation converges. */
    static final List<String> SETTINGS = List.of("--model", "assets/models/lenet5-mnist", "--mask", "auto",
            "--steps", "10", "--no-cache");

    private SparkBatches() {
    }

    /** {@code count} MNIST digits of sample-images, in two sub-folders, and one file that is no image. */
    static Path images(Path dir, int count) throws IOException {
        Path images = dir.resolve("images");
        List<Path> digits;
        try (Stream<Path> files = Files.list(Path.of("sample-images/mnist"))) {
            digits = files.filter(f -> f.toString().endsWith(".png")).sorted().limit(count).toList();
        }
        for (int i = 0; i < digits.size(); i++) {
            Path to = images.resolve(i % 2 == 0 ? "even" : "odd").resolve(digits.get(i).getFileName());
            Files.createDirectories(to.getParent());
            Files.copy(digits.get(i), to);
        }
        Files.writeString(images.resolve("odd/broken.png"), "not a PNG");
        return images;
    }

    static List<String> batch(Path images, Path out, String... more) {
        return batch(images.toString(), out.toString(), more);
    }

    /** @param images the images' folder as the user gives it: a path or a file: URI; so {@code out} */
    static List<String> batch(String images, String out, String... more) {
        List<String> args = new ArrayList<>(List.of("batch", "--images", images, "--out", out));
        args.addAll(SETTINGS);
        args.addAll(List.of(more));
        return args;
    }

    /** Runs a command in this JVM; returns its exit status and standard error. */
    static Map.Entry<Integer, String> run(List<String> args) {
        var err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        return Map.entry(status, err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Every file of the plain batch's folder is in the Spark batch's, the same bit for bit: the
     * heatmaps, entropy.csv, batch.json and summary.csv byte for byte, result.json and summary.json
     * value for value with the wall-clock times left out (the only numbers two runs cannot share).
     */
    static void assertSameResults(Path plain, Path spark) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(plain)) {
            files = walk.filter(Files::isRegularFile).map(plain::relativize).sorted().toList();
        }
        for (Path f : files) {
            Path other = spark.resolve(f);
            String name = f.getFileName().toString();
            if (name.equals("result.json") || name.equals("summary.json")) {
                assertEquals(withoutTimes(ResultJson.parse(Files.readString(plain.resolve(f)))),
                        withoutTimes(ResultJson.parse(Files.readString(other))), f.toString());
            } else if (name.equals("entropy.csv")) {
                // Its seconds column is the layer's wall-clock time.
                assertEquals(withoutSeconds(Files.readString(plain.resolve(f))),
                        withoutSeconds(Files.readString(other)), f.toString());
            } else {
                assertArrayEquals(Files.readAllBytes(plain.resolve(f)), Files.readAllBytes(other), f.toString());
            }
        }
    }

    static List<Path> results(Path out) throws IOException {
        return BatchCommandTest.results(out);
    }

    private static JsonElement withoutTimes(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject copy = new JsonObject();
            e.getAsJsonObject().entrySet().stream()
                    .filter(m -> !m.getKey().equals("seconds") && !m.getKey().equals("timingOfThisRun"))
                    .forEach(m -> copy.add(m.getKey(), withoutTimes(m.getValue())));
            return copy;
        }
        if (e.isJsonArray()) {
            var copy = new com.google.gson.JsonArray();
            e.getAsJsonArray().forEach(x -> copy.add(withoutTimes(x)));
            return copy;
        }
        return e;
    }

    private static List<List<String>> withoutSeconds(String csv) {
        List<List<String>> rows = csv.lines().<List<String>>map(l -> new ArrayList<>(List.of(l.split(",", -1)))).toList();
        int seconds = rows.get(0).indexOf("seconds");
        rows.forEach(r -> r.remove(seconds));
        return rows;
    }
}
