package org.sieve.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * EXIF orientation: cameras and phones store the sensor's rows and a tag saying how to turn
 * them for display. Sieve analyses the picture as it is shown, so a portrait photo is not
 * analysed lying on its side.
 */
final class ExifOrientation {

    /** The tag's values: 1 as stored; 2 to 8 mirrored and/or turned. */
    static final int AS_STORED = 1;

    private ExifOrientation() {
    }

    /** The orientation tag of an image file's bytes, or {@link #AS_STORED} when it has none or it is unreadable. */
    static int of(byte[] file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file), file.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int o = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return o >= 1 && o <= 8 ? o : AS_STORED;
            }
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException unreadable) {
            // Damaged metadata does not make the pixels unusable: the image is shown as stored.
        }
        return AS_STORED;
    }

    /** {@code image} as displayed under {@code orientation}: pixels copied as they are, any image type. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == AS_STORED) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5;
        ColorModel colours = image.getColorModel();
        WritableRaster out = colours.createCompatibleWritableRaster(turned ? h : w, turned ? w : h);
        Raster in = image.getRaster();
        Object pixel = null;
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                pixel = in.getDataElements(sx, sy, pixel);
                out.setDataElements(x, y, pixel);
            }
        }
        return new BufferedImage(colours, out, colours.isAlphaPremultiplied(), null);
    }
}
