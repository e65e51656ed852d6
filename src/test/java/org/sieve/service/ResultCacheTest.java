package org.sieve.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.SigmaGrid;

/** The cache on its own: entry format, size bound and eviction, folder choice, bad folders. */
class ResultCacheTest {

    @TempDir
    Path folder;

    static CachedLayer entry(String name) {
        float[][] sigma = {{0.1f, 0.2f}, {0.3f, 0.4f}};
        LayerResult l = new LayerResult(name, new long[] {4, 4, 2}, 1.5, 24, 1.5, 1.49, 3.2, true, 0, 30, 0.2, sigma,
                sigma, null, null, null);
        return new CachedLayer(l, new SigmaGrid(2, 2, 4, 4, new int[] {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 3, 3}));
    }

    @Test
    void entriesRoundTripAndForeignOnesAreRejected() {
        String text = CacheEntry.encode("k1", entry("conv1"));
        CachedLayer back = CacheEntry.decode("k1", text);
        assertEquals("conv1", back.layer().name());
        assertEquals(0.4f, back.layer().sigma()[1][1]);
        assertEquals(3, back.grid().cellOfPixel()[15]);
        assertEquals(2, back.grid().cellOfPixel()[8]);
        assertThrows(IllegalArgumentException.class, () -> CacheEntry.decode("k2", text), "another key's entry");
        assertThrows(IllegalArgumentException.class, () -> CacheEntry.decode("k1", text.replace("0.3", "0.5")));
        assertThrows(IllegalArgumentException.class, () -> CacheEntry.decode("k1", text.substring(0, 80)));
    }

    @Test
    void theLeastRecentlyUsedEntriesGoWhenTheCacheIsFull() throws IOException {
        long size = CacheEntry.encode("a".repeat(64), entry("x")).length();
        ResultCache cache = ResultCache.open(folder, (long) (3.5 * size));
        for (String k : new String[] {"a", "b", "c"}) {
            cache.put(k.repeat(64), entry("x"));
            setUsed(k, Instant.now().minusSeconds(k.charAt(0)));
        }
        assertTrue(cache.get("a".repeat(64)).isPresent(), "a hit makes 'a' the most recently used");
        cache.put("d".repeat(64), entry("x"));
        assertFalse(cache.get("c".repeat(64)).isPresent(), "the least recently used entry went");
        for (String k : new String[] {"a", "b", "d"}) {
            assertTrue(cache.get(k.repeat(64)).isPresent(), k);
        }
        ResultCache.Info info = cache.info();
        assertEquals(3, info.entries());
        assertTrue(info.bytes() <= ResultCache.EVICT_TO * info.maxBytes());
        assertEquals(3, cache.clear().entries());
        assertEquals(0, cache.info().entries());
    }

    /** Issue 14 row 6: an oversized entry or a link to /dev/zero is a miss and is discarded, not read. */
    @Test
    void entriesThatAreHugeOrNotPlainFilesAreDiscarded() throws IOException {
        ResultCache cache = ResultCache.open(folder, 1L << 40);
        Path layers = folder.resolve("layers");
        Path huge = layers.resolve("h".repeat(64) + ".entry");
        try (var out = Files.newOutputStream(huge)) {
            out.write(new byte[(int) ResultCache.MAX_ENTRY_BYTES + 1]);
        }
        Path link = Files.createSymbolicLink(layers.resolve("z".repeat(64) + ".entry"), Path.of("/dev/zero"));
        long start = System.nanoTime();
        assertFalse(cache.get("h".repeat(64)).isPresent());
        assertFalse(cache.get("z".repeat(64)).isPresent());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "neither was read through");
        assertFalse(Files.exists(huge, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the huge entry is gone");
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link is gone");
        cache.put("z".repeat(64), entry("conv1"));
        assertEquals("conv1", cache.get("z".repeat(64)).orElseThrow().layer().name(), "recomputed and stored again");
    }

    void setUsed(String k, Instant when) throws IOException {
        Files.setLastModifiedTime(folder.resolve("layers").resolve(k.repeat(64) + ".entry"), FileTime.from(when));
    }

    @Test
    void aFolderThatCannotBeWrittenSaysWhatToDo() throws IOException {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        SieveException e = assertThrows(SieveException.class, () -> ResultCache.open(file, 1000));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("--no-cache")
                && e.getMessage().contains("-Dsieve.cache"), e.getMessage());
    }

    @Test
    void theFolderFollowsThePlatform() {
        Map<String, String> linux = Map.of("os.name", "Linux", "user.home", "/home/u");
        assertEquals(Path.of("/home/u/.cache/sieve"), CacheFolder.resolve(linux::get, Map.<String, String>of()::get));
        assertEquals(Path.of("/x/sieve"), CacheFolder.resolve(linux::get, Map.of("XDG_CACHE_HOME", "/x")::get));
        assertEquals(Path.of("/home/u/.cache/sieve"),
                CacheFolder.resolve(linux::get, Map.of("XDG_CACHE_HOME", "relative")::get), "relative XDG is ignored");
        assertEquals(Path.of("/Users/u/Library/Caches/Sieve"), CacheFolder.resolve(
                Map.of("os.name", "Mac OS X", "user.home", "/Users/u")::get, Map.<String, String>of()::get));
        assertEquals(Path.of("C:\\Users\\u\\AppData\\Local", "Sieve", "cache"), CacheFolder.resolve(
                Map.of("os.name", "Windows 11", "user.home", "C:\\Users\\u")::get,
                Map.of("LOCALAPPDATA", "C:\\Users\\u\\AppData\\Local")::get));
        assertEquals(Path.of("/tmp/c"), CacheFolder.resolve(Map.of("sieve.cache", "/tmp/c", "os.name", "Linux",
                "user.home", "/home/u")::get, Map.<String, String>of()::get));
    }
}
