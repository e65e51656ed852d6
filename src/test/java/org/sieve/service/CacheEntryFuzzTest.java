package org.sieve.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cache entry reader on arbitrary files (issue 14, point 2): ResultCache.get either returns
 * a layer whose maps fit its grid or a miss (deleting the entry); it never throws. With the
 * first byte odd, the rest is a body under a valid header, so the fuzzer gets past the
 * checksum to the JSON decoding. The normal test run replays the committed corpus in
 * CacheEntryFuzzTestInputs; scripts/fuzz fuzzes.
 */
class CacheEntryFuzzTest {

    private static final String KEY = "f".repeat(64);
    private static final Path FOLDER = scratch();
    private static final ResultCache CACHE = ResultCache.open(FOLDER, 1L << 30);

    @FuzzTest(maxDuration = "10m")
    void anyEntryIsAHitOrAMiss(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** Jazzer's entry point, for fuzzing from the command line (scripts/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        byte[] entry = (data[0] & 1) == 1
                ? CacheEntry.withHeader(new String(rest, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
                : rest;
        try {
            Files.write(FOLDER.resolve("layers").resolve(KEY + ".entry"), entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<CachedLayer> hit = CACHE.get(KEY);
        hit.ifPresent(l -> assertEquals(l.grid().rows(), l.layer().sigma().length));
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("sieve-fuzz-cache-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
