package org.sieve.render;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.sieve.io.AtomicFiles;

/** Writes figures so that a reader never sees a half-written PNG. */
public final class Png {

    private Png() {
    }

    /** Writes to a temporary file in the target folder (created if needed), then moves it into place. */
    public static void write(BufferedImage image, Path file) {
        AtomicFiles.write(file, tmp -> ImageIO.write(image, "png", tmp.toFile()));
    }
}
