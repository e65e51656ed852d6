package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sieve.cli.MainTest.sieve;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Network;
import org.sieve.network.format.ModelStore;
import org.sieve.service.Fixtures;

/**
 * Issue 32's hostile trial of {@code import} and {@code batch}, as a user meets them: each case
 * ends with its exit status and one line naming the file or value, and writes nothing it should not.
 */
@Tag("slow")
class ImportBatchHostileTest {

    static final Path ONNX = Path.of("src/test/resources/formats/tiny.onnx").toAbsolutePath();
    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    static Path tmp;
    static Path image;

    @BeforeAll
    static void writeImage() throws IOException {
        image = tmp.resolve("digit.png");
        ImageIO.write(Fixtures.bar(1), "png", image.toFile());
    }

    /** Case 1: run in its own process, in a working directory of its own, as a user would type it. */
    @Test
    void importToAnEmptyOutIsAUsageErrorAndWritesNothing() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("empty-out"));
        Path work = Files.createDirectories(parent.resolve("work"));
        Set<Path> before = listing(parent);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "import",
                ONNX.toString(), "--out", ""));
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "import --out '' hangs");
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), log);
        assertTrue(log.contains("--out is empty"), log);
        assertEquals(before, listing(parent), "nothing written in the working directory or beside it");
    }

    /** Case 2: a pipe would block forever and /dev/zero never ends; both are refused at once. */
    @Test
    void labelsThatAreNotARegularFileAreRefusedWithoutReadingThem() throws Exception {
        Path fifo = tmp.resolve("labels.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        refused(3, fifo.toString(), "import", ONNX.toString(), "--out", tmp.resolve("fifo-model").toString(),
                "--labels", fifo.toString());
        refused(3, "/dev/zero", "import", ONNX.toString(), "--out", tmp.resolve("zero-model").toString(),
                "--labels", "/dev/zero");
    }

    /** Case 3: what import would write must pass what reading it checks, or nothing is written. */
    @Test
    void importWritesOnlyWhatLaterCommandsRead() throws Exception {
        Path big = tmp.resolve("big-labels.txt");
        String line = "x".repeat(1 << 20) + "\n";
        Files.writeString(big, line.repeat(5));
        refused(3, big.toString(), "import", ONNX.toString(), "--out", tmp.resolve("big").toString(),
                "--labels", big.toString());
        for (String control : List.of("\u001b[31m", "\u0007")) {
            Path labels = Files.writeString(tmp.resolve("control-labels.txt"), "cat\ndog" + control + "\n");
            refused(3, labels.toString(), "import", ONNX.toString(), "--out", tmp.resolve("control").toString(),
                    "--labels", labels.toString());
            refused(3, "name", "import", ONNX.toString(), "--out", tmp.resolve("control").toString(), "--name",
                    "tiny" + control);
        }
        refused(3, "name", "import", ONNX.toString(), "--out", tmp.resolve("newline").toString(), "--name",
                "two\nlines");
        Path out = tmp.resolve("fine");
        MainTest.Outcome ok = sieve("import", ONNX.toString(), "--out", out.toString(), "--name", "Tiny net");
        assertEquals(0, ok.status(), ok.err());
        assertEquals("Tiny net", ModelStore.load(out).metadata().name());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(Set.of("model.json", "sieve.json", "group1-shard1of1.bin"), files.map(f -> f.getFileName()
                    .toString()).collect(Collectors.toSet()), "no staging folder left inside --out");
        }
    }

    /** Case 4: a normalisation that makes every number infinite is refused, and no JSON says NaN. */
    @Test
    void nonFiniteNumbersAreRefusedNotPrinted() throws Exception {
        refused(3, "0.5/1e-45", "import", ONNX.toString(), "--out", tmp.resolve("degenerate").toString(),
                "--normalization", "0.5/1e-45");
        Path edited = tmp.resolve("edited");
        assertEquals(0, sieve("import", ONNX.toString(), "--out", edited.toString()).status());
        Path sieveJson = edited.resolve("sieve.json");
        JsonObject meta = JsonParser.parseString(Files.readString(sieveJson)).getAsJsonObject();
        meta.getAsJsonArray("normalizationStd").set(0, new com.google.gson.JsonPrimitive(1e-45));
        Files.writeString(sieveJson, meta.toString());
        refused(3, "normalizationStd", "predict", "--model", edited.toString(), "--image", image.toString(),
                "--json");

        Path model = saved("overflow", TestNetworks.withOverflow());
        refused(4, "NaN or infinite", "predict", "--model", model.toString(), "--image", image.toString(), "--json");
        Path out = tmp.resolve("overflow-out");
        refused(4, "Every layer failed", "analyze", "--model", model.toString(), "--image", image.toString(),
                "--layers", "overflow", "--steps", "5", "--no-cache", "--out", out.toString());
        assertFalse(nonFiniteNumber(Files.readString(out.resolve("result.json"))), "result.json is JSON");
    }

    /** Case 5: a real full disk, a 64 KB tmpfs (needs root; simulated in AtomicFilesTest otherwise). */
    @Test
    void analyzeOntoAFullDiskSaysSoAndLeavesNoPartialResults() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("full-disk"));
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(m.waitFor() == 0, "cannot mount a tmpfs here (not root)");
        try {
            Path model = saved("conv", TestNetworks.convStack(1f, 3));
            Path out = mount.resolve("out");
            refused(4, "the disk is full", "analyze", "--model", model.toString(), "--image", image.toString(),
                    "--steps", "5", "--no-cache", "--out", out.toString());
            assertEquals(Set.of(mount), listing(mount), "nothing left on the full disk, not even the folder");
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    /** Case 6: a second batch on a locked folder is refused; a killed holder leaves no lock behind. */
    @Test
    void oneBatchPerOutputFolder() throws Exception {
        Path model = saved("batch-model", TestNetworks.convStack(1f, 1));
        Path images = images("batch-images", 3);
        Path out = tmp.resolve("batch-out");
        List<String> args = List.of("batch", "--model", model.toString(), "--images", images.toString(), "--out",
                out.toString(), "--steps", "300", "--no-cache");

        Process first = BatchCommandTest.startJava(args, tmp.resolve("first-batch.log"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(out.resolve("batch.json")) && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(first.isAlive(), "the first batch ended before the second started: "
                    + Files.readString(tmp.resolve("first-batch.log")));
            refused(4, "Another batch is writing into " + out, args.toArray(String[]::new));
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        MainTest.Outcome resumed = sieve(args.toArray(String[]::new));
        assertEquals(0, resumed.status(), "a killed batch leaves no lock behind: " + resumed.err());

        try (FileChannel c = FileChannel.open(out.resolve("batch.lock"), StandardOpenOption.WRITE);
             FileLock held = c.lock()) {
            refused(4, "Another batch is writing into " + out, args.toArray(String[]::new));
        }
    }

    /** Case 7: a damaged batch.json is named in words; a negative input size is not called too large. */
    @Test
    void damagedBatchManifestAndNegativeSizesAreWordedPlainly() throws Exception {
        Path model = saved("manifest-model", TestNetworks.convStack(1f, 1));
        Path images = images("manifest-images", 1);
        Path out = Files.createDirectories(tmp.resolve("manifest-out"));
        String[] args = {"batch", "--model", model.toString(), "--images", images.toString(), "--out",
            out.toString(), "--steps", "5", "--no-cache"};
        for (String damaged : List.of("{\"version\": \"1", "", "[1, 2]")) {
            Files.writeString(out.resolve("batch.json"), damaged);
            MainTest.Outcome o = refused(3, out.resolve("batch.json").toString(), args);
            assertFalse(o.err().contains("EOF") || o.err().contains("java."), o.err());
        }

        Path json = model.resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"batch_input_shape\":[null,12,12,1]",
                "\"batch_input_shape\":[null,-12,12,1]"));
        MainTest.Outcome o = refused(3, "at least 1", "predict", "--model", model.toString(), "--image",
                image.toString());
        assertFalse(o.err().contains("up to") || o.err().contains("more than"), o.err());
    }

    /**
     * Runs a command that must be refused with {@code status} in one line mentioning {@code mention}
     * (progress lines of a computation that ran before the failure aside).
     */
    private static MainTest.Outcome refused(int status, String mention, String... args) {
        MainTest.Outcome o = assertTimeoutPreemptively(BOUND, () -> sieve(args), String.join(" ", args) + " hangs");
        assertEquals(status, o.status(), o.err());
        List<String> lines = o.err().lines().filter(l -> l.startsWith("sieve:")).toList();
        assertEquals(1, lines.size(), "one line:\n" + o.err());
        assertTrue(lines.get(0).contains(mention), "names '" + mention + "':\n" + o.err());
        assertFalse(o.err().contains("\u001b") || o.err().contains("\u0007"), "no control character:\n" + o.err());
        assertFalse(nonFiniteNumber(o.out()), o.out());
        return o;
    }

    /** NaN or Infinity where JSON has a number (a failure's text may quote them). */
    private static boolean nonFiniteNumber(String json) {
        return json.matches("(?s).*[:\\[,]\\s*-?(NaN|Infinity)\\b.*");
    }

    private static Path saved(String id, Network network) {
        Path model = tmp.resolve(id);
        ModelStore.save(ModelStore.inMemory(network, ModelMetadata.defaults(id, network)), model);
        return model;
    }

    private static Path images(String folder, int count) throws IOException {
        Path images = Files.createDirectories(tmp.resolve(folder));
        for (int i = 0; i < count; i++) {
            ImageIO.write(Fixtures.bar(i), "png", images.resolve("digit-" + i + ".png").toFile());
        }
        return images;
    }

    private static Set<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
