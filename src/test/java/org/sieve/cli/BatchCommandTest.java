package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.analysis.ResultJson;
import org.sieve.metrics.DepthFalls;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelStore;
import org.sieve.service.Fixtures;

/** {@code sieve batch} as a user runs it: killed mid-run in its own process, then run again. */
class BatchCommandTest {

    static final int IMAGES = 6;

    @TempDir
    Path dir;

    @Test
    void fallsWithDepthAreWordedForEveryCase() {
        var none = new DepthFalls.Fall(null, null, null, 0);
        assertEquals("r̄ never falls from a layer to a deeper one on average, nor on any image.",
                BatchCommand.falls("r̄", new DepthFalls(none, none)));
        assertEquals("r̄ never falls from a layer to a deeper one on average; 0.296 on one image (fc2 to logits,"
                + " 57-1.png).", BatchCommand.falls("r̄", new DepthFalls(none,
                        new DepthFalls.Fall("fc2", "logits", "57-1.png", 0.296))));
        assertEquals("Largest fall of h̄ with depth: 0.049 nats on average over the images (fc2 to logits); 0.407 on"
                + " one image (fc2 to logits, 2-1.png).", BatchCommand.falls("h̄", new DepthFalls(
                        new DepthFalls.Fall("fc2", "logits", null, 0.049),
                        new DepthFalls.Fall("fc2", "logits", "2-1.png", 0.407))));
    }

    @Test
    void aFolderOnAnotherFileSystemIsRefusedInsteadOfBecomingALocalFolder() {
        var err = new ByteArrayOutputStream();
        int status = Main.run(List.of("batch", "--images", dir.toUri().toString(), "--out", "hdfs://namenode/run1",
                "--model", "assets/models/lenet5-mnist", "--engine", "spark"), new PrintStream(
                        new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, status, log);
        assertTrue(log.contains("--out hdfs://namenode/run1: the batch reads and writes local folders and file:"
                + " URIs, not hdfs: URIs."), log);
        assertEquals(1, log.strip().lines().count(), log);
        assertTrue(!Files.exists(Path.of("hdfs:")), "no local folder named after the scheme");
    }

    @Test
    void aKilledBatchResumesAndFinishesEveryImageExactlyOnce() throws Exception {
        Path model = dir.resolve("tiny-conv");
        ModelStore.save(ModelStore.inMemory(TestNetworks.convStack(1f, 1), ModelMetadata.defaults("tiny-conv",
                TestNetworks.convStack(1f, 1))), model);
        Path images = dir.resolve("digits");
        for (int i = 0; i < IMAGES; i++) {
            Path file = images.resolve(i % 2 == 0 ? "even" : "odd").resolve("digit-" + i + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(Fixtures.bar(i), "png", file.toFile());
        }
        Path out = dir.resolve("out");
        List<String> args = List.of("batch", "--model", model.toString(), "--images", images.toString(), "--out",
                out.toString(), "--mask", "auto", "--steps", "300", "--no-cache");

        Process child = startJava(args, dir.resolve("first-run.log"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (results(out).isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Map<Path, String> before = new HashMap<>();
        for (Path r : results(out)) {
            before.put(r, Files.readString(r));
        }
        System.out.println("killed with " + before.size() + " of " + IMAGES + " images finished");
        assertTrue(!before.isEmpty() && before.size() < IMAGES,
                "killed mid-run: " + before.size() + "\n" + Files.readString(dir.resolve("first-run.log")));

        var err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, log);
        assertTrue(log.contains("Resuming: " + before.size() + " of " + IMAGES), log);

        List<Path> after = results(out);
        assertEquals(IMAGES, after.size(), "one result per image: " + after);
        for (int i = 0; i < IMAGES; i++) {
            Path r = out.resolve(i % 2 == 0 ? "even" : "odd").resolve("digit-" + i).resolve("result.json");
            assertTrue(after.contains(r), r.toString());
        }
        for (Map.Entry<Path, String> e : before.entrySet()) {
            assertEquals(e.getValue(), Files.readString(e.getKey()), "finished before the kill, not recomputed");
        }
        JsonObject summary = ResultJson.parse(Files.readString(out.resolve("summary.json")));
        assertEquals(IMAGES, summary.getAsJsonObject("images").get("analysed").getAsInt());
        assertEquals(before.size(), summary.getAsJsonObject("images").get("resumed").getAsInt());
        try (Stream<Path> files = Files.walk(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no half-written files");
        }
    }

    static Process startJava(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static List<Path> results(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        while (true) {
            try (Stream<Path> files = Files.walk(out)) {
                // Files still in a hidden staging folder are not placed yet: not results.
                return files.filter(f -> f.getFileName().toString().equals("result.json"))
                        .filter(f -> StreamSupport.stream(out.relativize(f).spliterator(), false)
                                .noneMatch(part -> part.toString().startsWith(".")))
                        .sorted().toList();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
                // The running batch moved a temporary file into place during the walk: look again.
            }
        }
    }
}
