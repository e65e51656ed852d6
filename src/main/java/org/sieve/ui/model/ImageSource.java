package org.sieve.ui.model;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Where the current image came from: a file (read again by the image loader so results record
 * its fingerprint) or pixels in memory (drawn or pasted).
 *
 * @param name  short name shown in titles, e.g. "0-7.png" or "drawing"
 * @param file  the file, or null for in-memory pixels
 * @param pixels the decoded image, for display and in-memory use; never null
 */
public record ImageSource(String name, Path file, BufferedImage pixels) {

    public static ImageSource ofFile(Path file, BufferedImage pixels) {
        return new ImageSource(file.getFileName().toString(), file, pixels);
    }

    public static ImageSource inMemory(String name, BufferedImage pixels) {
        return new ImageSource(name, null, pixels);
    }

    public int width() {
        return pixels.getWidth();
    }

    public int height() {
        return pixels.getHeight();
    }
}
