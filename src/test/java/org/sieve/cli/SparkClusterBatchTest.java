package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.analysis.ResultJson;

/**
 * {@code sieve batch --engine spark} on a real standalone cluster (a master and two workers on
 * 127.0.0.1): one executor is killed mid-run; Spark retries its tasks on a new executor, and every
 * image is finished exactly once, with the results of the plain batch.
 */
@Tag("slow")
class SparkClusterBatchTest {

    private static final int IMAGES = 6;
    private static final int WORKERS = 2;

    @TempDir
    Path dir;

    @Test
    @Timeout(900)
    void aKilledExecutorLosesNoImageAndRepeatsNone() throws Exception {
        Path images = SparkBatches.images(dir, IMAGES);
        Path plain = dir.resolve("plain");
        var p = SparkBatches.run(SparkBatches.batch(images, plain));
        assertEquals(Main.PARTIAL, p.getKey(), p.getValue());

        Path out = dir.resolve("cluster");
        try (StandaloneCluster cluster = new StandaloneCluster(dir, WORKERS, 1280)) {
            assertTrue(cluster.awaitWorkers(WORKERS, 180), "the workers registered with the master");
            CompletableFuture<Map.Entry<Integer, String>> batch = CompletableFuture.supplyAsync(() ->
                    SparkBatches.run(SparkBatches.batch(images, out, "--engine", "spark", "--master", cluster.master(),
                            "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.executor.memory=1g")));

            // Mid-run: once an image is finished and both executors work, kill one of them.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while ((SparkBatches.results(out).isEmpty() || cluster.executors().size() < WORKERS) && !batch.isDone()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<ProcessHandle> executors = cluster.executors();
            assertEquals(WORKERS, executors.size(), () -> "both workers run an executor; the batch: "
                    + (batch.isDone() ? batch.join().getValue() : "still running"));
            Map<Path, FileTime> before = new HashMap<>();
            for (Path r : SparkBatches.results(out)) {
                before.put(r, Files.getLastModifiedTime(r));
            }
            assertTrue(before.size() < IMAGES, "killed mid-run, with " + before.size() + " images finished");
            executors.get(0).destroyForcibly();
            assertTrue(executors.get(0).onExit().get(60, TimeUnit.SECONDS) != null);

            var result = batch.get(600, TimeUnit.SECONDS);
            assertEquals(Main.PARTIAL, result.getKey(), "only the broken file is skipped: " + result.getValue());
            for (Map.Entry<Path, FileTime> e : before.entrySet()) {
                assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), e.getKey()
                        + " was finished before the kill and is not written again");
            }
        }
        assertEquals(IMAGES, SparkBatches.results(out).size(), "one result per image");
        SparkBatches.assertSameResults(plain, out);
        JsonObject summary = ResultJson.parse(Files.readString(out.resolve("summary.json")));
        assertEquals(IMAGES, summary.getAsJsonObject("images").get("analysed").getAsInt());
        try (Stream<Path> files = Files.walk(out)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no half-written files");
        }
    }
}
