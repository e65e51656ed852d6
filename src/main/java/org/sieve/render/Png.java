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
        AtomicFiles.write(file, content(image));
    }

    /** The image as a PNG file's content, for writers that choose where it goes. */
    public static AtomicFiles.Content content(BufferedImage image) {
        return file -> ImageIO.write(image, "png", file.toFile());
    }
}
