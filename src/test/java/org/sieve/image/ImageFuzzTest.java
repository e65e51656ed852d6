package org.sieve.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sieve.SieveException;

/**
 * Image decoding on arbitrary bytes (issue 14, point 2): a file either becomes a model input of
 * finite pixels in [0, 1] or is refused with a SieveException that names it; nothing else. The
 * normal test run replays the committed corpus in ImageFuzzTestInputs; scripts/fuzz fuzzes.
 */
class ImageFuzzTest {

    private static final Path FILE = scratch();

    @FuzzTest(maxDuration = "10m")
    void anyBytesBecomeAnImageOrAMessage(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** Jazzer's entry point, for fuzzing from the command line (scripts/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Files.write(FILE, data);
            PreparedImage image = ImageLoader.load(FILE, new ModelInput(12, 10, 3), ResizeMode.STRETCH);
            for (float v : image.pixels()) {
                assertTrue(v >= 0 && v <= 1, "pixel " + v);
            }
        } catch (SieveException e) {
            assertTrue(e.getMessage().contains(FILE.toString()), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path scratch() {
        try {
            return Files.createTempFile("sieve-fuzz-", ".img");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
