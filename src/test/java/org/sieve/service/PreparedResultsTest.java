package org.sieve.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.analysis.AnalysisRequest;

/**
 * A folder of prepared results (what a package ships for its lessons): copied from a cache, then
 * consulted read-only by a fresh cache, which answers from it without computing, never writes
 * into it, and leaves a damaged entry there alone (a miss, computed into its own folder).
 */
class PreparedResultsTest {

    @TempDir
    Path temp;

    @Test
    void freshCacheAnswersFromPreparedResultsWithoutTouchingThem() throws Exception {
        AnalysisRequest req = Fixtures.request(List.of("conv1", "conv2"), 30);
        ResultCache first = ResultCache.open(temp.resolve("first"), ResultCache.DEFAULT_MAX_BYTES);
        try (AnalysisService service = new AnalysisService(first)) {
            service.submit(req, Priority.BATCH).await();
        }
        ResultCache prepared = ResultCache.open(temp.resolve("prepared"), Long.MAX_VALUE);
        assertEquals(2, first.copyTo(req, prepared));
        assertEquals(Set.of("conv1", "conv2"), prepared.held(req));

        ResultCache fresh = ResultCache.open(temp.resolve("fresh"), ResultCache.DEFAULT_MAX_BYTES)
                .consulting(temp.resolve("prepared"));
        assertEquals(Set.of("conv1", "conv2"), fresh.held(req));
        assertEquals(Set.of(), ResultCache.open(temp.resolve("fresh"), ResultCache.DEFAULT_MAX_BYTES).held(req),
                "the fresh cache's own folder holds nothing");
        try (AnalysisService service = new AnalysisService(fresh)) {
            JobResult r = service.submit(req, Priority.INTERACTIVE).await();
            assertEquals(Set.of("conv1", "conv2"), r.cachedLayers());
            assertEquals(0.0, r.engineSeconds());
        }
        assertEquals(0, fresh.info().entries(), "nothing written for a hit from the prepared results");

        Path damaged;
        try (Stream<Path> entries = Files.list(temp.resolve("prepared").resolve("layers"))) {
            damaged = entries.findFirst().orElseThrow();
        }
        Files.writeString(damaged, "not an entry");
        try (AnalysisService service = new AnalysisService(fresh)) {
            JobResult r = service.submit(req, Priority.INTERACTIVE).await();
            assertEquals(1, r.cachedLayers().size(), "the damaged entry is a miss, the other a hit");
        }
        assertTrue(Files.exists(damaged), "a prepared entry is never deleted");
        assertEquals(1, fresh.info().entries(), "the recomputed layer went to the cache's own folder");
    }
}
