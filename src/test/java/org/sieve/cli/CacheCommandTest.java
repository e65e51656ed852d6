package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.analysis.ResultJson;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelStore;
import org.sieve.service.Fixtures;

/** {@code analyze} through the cache, {@code --no-cache}, and {@code sieve cache --info/--clear}. */
class CacheCommandTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path image;

    @BeforeAll
    static void setUp() throws IOException {
        System.setProperty("sieve.cache", dir.resolve("cache").toString());
        model = dir.resolve("tiny-conv");
        ModelStore.save(ModelStore.inMemory(TestNetworks.convStack(1f, 1), ModelMetadata.defaults("tiny-conv",
                TestNetworks.convStack(1f, 1))), model);
        image = dir.resolve("digit.png");
        ImageIO.write(Fixtures.bar(2), "png", image.toFile());
    }

    @AfterAll
    static void tearDown() {
        System.clearProperty("sieve.cache");
    }

    static JsonObject analyze(String... extra) {
        String[] args = new String[] {"analyze", "--model", model.toString(), "--image", image.toString(), "--steps",
            "30", "--layers", "conv1,conv2", "--out", dir.resolve("out").toString(), "--json"};
        MainTest.Outcome o = MainTest.sieve(concat(args, extra));
        assertEquals(0, o.status(), o.err());
        return ResultJson.parse(o.out());
    }

    static boolean allCached(JsonObject result, boolean expected) {
        for (JsonElement l : result.getAsJsonArray("layers")) {
            if (l.getAsJsonObject().get("cached").getAsBoolean() != expected) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aRepeatIsCachedUnlessToldNotToAndTheCacheCanBeShownAndCleared() {
        MainTest.sieve("cache", "--clear");
        assertTrue(allCached(analyze(), false));
        assertTrue(allCached(analyze(), true), "the repeat comes from the cache");
        assertTrue(allCached(analyze("--no-cache"), false));

        MainTest.Outcome info = MainTest.sieve("cache", "--info");
        assertEquals(0, info.status());
        assertTrue(info.out().contains(dir.resolve("cache").toString()) && info.out().contains("Entries: 2 "),
                info.out());
        MainTest.Outcome clear = MainTest.sieve("cache", "--clear");
        assertTrue(clear.out().startsWith("Deleted 2 cached layer results"), clear.out());
        assertTrue(MainTest.sieve("cache").out().contains("Entries: 0 "));
        assertEquals(2, MainTest.sieve("cache", "--info", "--clear").status());
    }

    @Test
    void anUnwritableCacheFolderIsReportedWithWhatToDo() throws IOException {
        Path file = Files.writeString(dir.resolve("cache-is-a-file"), "x");
        System.setProperty("sieve.cache", file.toString());
        try {
            MainTest.Outcome o = MainTest.sieve("analyze", "--model", model.toString(), "--image", image.toString());
            assertEquals(3, o.status());
            assertTrue(o.err().contains("--no-cache"), o.err());
        } finally {
            System.setProperty("sieve.cache", dir.resolve("cache").toString());
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
