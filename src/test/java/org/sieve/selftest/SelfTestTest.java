package org.sieve.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.metrics.LayerResult;

/** The installation check on this checkout (the layout an installation has) and on broken ones. */
class SelfTestTest {

    @TempDir
    Path temp;

    @Test
    void passesOnTheBundledModelAndImage() {
        Verdict v = new SelfTest(Path.of("")).run();
        assertTrue(v.passed(), v.line());
        assertEquals(List.of("TensorFlow", "model", "image", "analysis", "constraint", "heatmap"),
                v.checks().stream().map(Check::name).toList());
        assertTrue(v.line().startsWith("Sieve self-test passed in "), v.line());
        assertTrue(v.line().contains("conv1, conv2"), v.line());
        assertTrue(v.seconds() > 0);
    }

    @Test
    void stopsAtTheFirstFailedCheckAndNamesTheMissingFile() throws IOException {
        // Models present, sample images missing: an installation that lost a folder.
        Files.createDirectories(temp.resolve("assets"));
        Files.createSymbolicLink(temp.resolve("assets").resolve("models"), Path.of("assets", "models").toAbsolutePath());
        Verdict v = new SelfTest(temp).run();
        assertFalse(v.passed());
        assertEquals(List.of(true, true, false), v.checks().stream().map(Check::passed).toList(),
                "TensorFlow and the model pass, the image fails, nothing runs after it");
        Check image = v.checks().get(2);
        assertEquals("image", image.name());
        assertTrue(image.detail().contains(temp.resolve("sample-images").toString()), image.detail());
        assertTrue(v.line().startsWith("Sieve self-test FAILED"), v.line());
    }

    @Test
    void constraintNamesTheLayerThatMissesTau() {
        LayerResult near = layer("conv1", 1.55);
        LayerResult off = layer("conv2", 1.9);
        assertTrue(SelfTest.constraint(List.of(near), 1.5).contains("1.550"));
        var e = assertThrows(IllegalStateException.class, () -> SelfTest.constraint(List.of(near, off), 1.5));
        assertTrue(e.getMessage().contains("conv2") && e.getMessage().contains("1.900"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> SelfTest.constraint(List.of(layer("conv1", Double.NaN)), 1.5),
                "a layer without a measured D/D0 fails");
    }

    private static LayerResult layer(String name, double ratio) {
        return new LayerResult(name, new long[] {1, 4, 4, 1}, -1, -16, -1, ratio, 1, true, 0, 10, 0.1,
                new float[4][4], new float[4][4], null, null, null);
    }
}
