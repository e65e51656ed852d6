package org.sieve.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;

class PngTest {

    @TempDir
    Path dir;

    @Test
    void roundTripCreatesFoldersAndLeavesNoTemporaryFile() throws IOException {
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                image.setRGB(x, y, x * 0x230000 + y * 0x2F00 + 0x11);
            }
        }
        Path file = dir.resolve("figures/sub/heatmap.png");
        Png.write(image, file);
        Png.write(image, file);
        BufferedImage back = ImageIO.read(file.toFile());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(image.getRGB(x, y), back.getRGB(x, y));
            }
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void unwritableFolderIsNamed() throws IOException {
        // A file where a folder should be fails even for root.
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        Path file = blocker.resolve("out/fig.png");
        SieveException e = assertThrows(SieveException.class,
                () -> Png.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), file));
        assertTrue(e.getMessage().contains("the folder " + file.getParent()), e.getMessage());
        assertTrue(e.getMessage().startsWith("Cannot write " + file), e.getMessage());
    }
}
