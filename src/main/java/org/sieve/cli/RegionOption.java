package org.sieve.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.sieve.SieveException;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.image.SourceRegion;
import picocli.CommandLine.Option;

/** {@code --region x,y,w,h}: the part of the image, in image pixels, that is brought to the model's input. */
final class RegionOption {

    @Option(names = "--region", paramLabel = "x,y,w,h", description = "Use only this rectangle of the image (left,"
            + " top, width, height in image pixels), e.g. a face in a photo.")
    String region;

    /** The image brought to the model's input: the whole image, or the region of it. */
    PreparedImage load(Path file, int height, int width, int channels, ResizeMode mode) {
        if (region == null) {
            return ImageLoader.load(file, height, width, channels, mode);
        }
        BufferedImage image = read(file);
        SourceRegion r = on(image.getWidth(), image.getHeight());
        return ImageLoader.fromBufferedImage(image.getSubimage(r.x(), r.y(), r.width(), r.height()),
                file + " [" + region + "]", height, width, channels, mode);
    }

    /** The region within a {@code sourceWidth x sourceHeight} image; one outside it fails naming both. */
    SourceRegion on(int sourceWidth, int sourceHeight) {
        String[] parts = region.split(",", -1);
        int[] v = new int[4];
        boolean ok = parts.length == 4;
        for (int i = 0; ok && i < 4; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new SieveException("--region '" + region + "' is not x,y,w,h: four whole numbers, e.g. 10,20,100,80.");
        }
        try {
            return new SourceRegion(sourceWidth, sourceHeight, v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            throw new SieveException("--region " + region + " does not lie inside the " + sourceWidth + "x" + sourceHeight
                    + " image; give x,y >= 0, w,h >= 1 and x+w, y+h within the image.");
        }
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new SieveException("Image " + file + " is not a PNG, JPEG, BMP or GIF file Sieve can read.");
            }
            return image;
        } catch (IOException e) {
            throw new SieveException("Cannot read image " + file + " (" + e.getMessage() + "). Check the file name.", e);
        }
    }
}
