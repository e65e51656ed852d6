package org.sieve.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.analysis.ResultJson;
import org.sieve.image.ResizeMode;

/** A batch in-process: outputs, summary statistics, skipped files, resuming, refusing to mix arguments. */
class BatchRunnerTest {

    static final List<String> GOOD = List.of("a/bar-0.png", "a/bar-1.png", "b/c/bar-2.png", "bar-3.png");

    @TempDir
    Path root;
    Path images;
    Path out;
    AnalysisService service = new AnalysisService();
    List<String> warnings = new ArrayList<>();
    BatchListener listener = new BatchListener() {
        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    };

    @BeforeEach
    void images() throws IOException {
        images = root.resolve("images");
        for (int i = 0; i < GOOD.size(); i++) {
            Path file = images.resolve(GOOD.get(i));
            Files.createDirectories(file.getParent());
            ImageIO.write(Fixtures.bar(i), "png", file.toFile());
        }
        Files.writeString(images.resolve("notes.txt"), "not an image");
        Files.write(images.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.writeString(images.resolve(".hidden.png"), "ignored");
        out = images.resolve("results");
    }

    @AfterEach
    void close() {
        service.close();
    }

    BatchReport run(int steps) {
        return new BatchRunner(new BatchRunner.Spec(Fixtures.MODEL, images, out, List.of("conv2", "conv1"), true, 0,
                Fixtures.settings(steps, 0), ResizeMode.STRETCH, null), service, listener).run();
    }

    @Test
    void writesEveryImageAndASummaryOverThem() throws IOException {
        BatchReport report = run(20);
        assertEquals(5, report.images());
        assertEquals(4, report.analysed());
        assertEquals(List.of("broken.png"), report.skipped().stream().map(BatchReport.Skipped::image).toList());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("notes.txt")), warnings.toString());
        assertFalse(warnings.stream().anyMatch(w -> w.contains(".hidden")), warnings.toString());

        double sum = 0;
        double sumSq = 0;
        for (String image : GOOD) {
            Path dir = out.resolve(image.substring(0, image.length() - 4));
            JsonObject result = ResultJson.parse(Files.readString(dir.resolve("result.json")));
            double h = result.getAsJsonArray("layers").get(0).getAsJsonObject().get("entropyPerDim").getAsDouble();
            sum += h;
            sumSq += h * h;
            assertTrue(Files.exists(dir.resolve("conv1.png")) && Files.exists(dir.resolve("entropy.csv")));
        }
        double mean = sum / 4;
        double std = Math.sqrt((sumSq - 4 * mean * mean) / 3);

        JsonObject summary = ResultJson.parse(Files.readString(out.resolve("summary.json")));
        JsonObject conv1 = summary.getAsJsonArray("layers").get(0).getAsJsonObject();
        assertEquals("conv1", conv1.get("name").getAsString());
        assertEquals(4, conv1.get("images").getAsInt());
        assertEquals(mean, conv1.getAsJsonObject("entropyPerDim").get("mean").getAsDouble(), 1e-9);
        assertEquals(std, conv1.getAsJsonObject("entropyPerDim").get("std").getAsDouble(), 1e-6);
        assertEquals(4, conv1.getAsJsonObject("concentration").get("n").getAsInt(), "the mask gave fg/bg");
        assertEquals("broken.png", summary.getAsJsonObject("images").getAsJsonArray("skipped").get(0)
                .getAsJsonObject().get("image").getAsString());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("conv1,4,"));
        assertNotNull(ImageIO.read(out.resolve("summary.png").toFile()));
    }

    @Test
    void aRerunResumesWithoutRecomputingFinishedImages() throws IOException {
        run(20);
        Path first = out.resolve("a/bar-0/result.json");
        Files.setLastModifiedTime(first, FileTime.fromMillis(0));
        Files.delete(out.resolve("bar-3/result.json"));
        Files.writeString(out.resolve("bar-3/.sieve-123.tmp"), "half a file from a killed run");

        BatchReport again = run(20);
        assertEquals(3, again.resumed());
        assertEquals(1, again.computed());
        assertEquals(4, again.analysed());
        assertEquals(0, Files.getLastModifiedTime(first).toMillis(), "finished results are not rewritten");
        assertTrue(Files.exists(out.resolve("bar-3/result.json")));
        assertFalse(Files.exists(out.resolve("bar-3/.sieve-123.tmp")), "leftovers of the killed run are removed");
        assertFalse(warnings.stream().anyMatch(w -> w.contains("results")), "its own output is not scanned");
    }

    @Test
    void aRerunWithOtherArgumentsIsRefused() {
        run(20);
        SieveException e = assertThrows(SieveException.class, () -> run(21));
        assertTrue(e.getMessage().contains("other arguments") && e.getMessage().contains("settings"), e.getMessage());
    }

    @Test
    void aRerunByAnotherEngineIsRefusedWithoutOfferingToResume() throws IOException {
        run(20);
        Path manifest = out.resolve(BatchManifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replaceAll("\"engineRevision\": \\d+",
                "\"engineRevision\": 1"));
        SieveException e = assertThrows(SieveException.class, () -> run(20));
        assertTrue(e.getMessage().contains("another version of Sieve's engine"), e.getMessage());
        assertFalse(e.getMessage().contains("Rerun with the same arguments"), e.getMessage());
    }

    @Test
    void anOutputFolderThatCannotBeWrittenSaysSo() throws IOException {
        out = Files.writeString(root.resolve("a-file"), "x");
        SieveException e = assertThrows(SieveException.class, () -> run(20));
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
    }
}
