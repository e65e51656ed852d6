package org.sieve.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.sieve.Sha256;
import org.sieve.SieveException;
import org.sieve.io.BoundedFiles;

/** Reads an image file once (bytes for the fingerprint, then decoding), turning every failure into one clear line. */
final class ImageFileReader {

    /** The formats the product promises; other ImageIO readers (e.g. WBMP) accept too much garbage. */
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "bmp", "gif");

    /**
     * A decoded file, as displayed, with its fingerprint and format name.
     *
     * @param orientation the EXIF orientation applied, {@link ExifOrientation#AS_STORED} for none
     */
    record Source(BufferedImage image, String format, int orientation, String sha256) {
    }

    /** Image files are read up to this size; a 100-megapixel PNG is far smaller. */
    static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /**
     * Pixels at most: photos of today's cameras (12 to 50 megapixels), not decompression bombs.
     * The work grows with the pixels a file declares, not its size: fuzzing found a 46-byte GIF
     * whose 98-megapixel screen took 27 s and gigabytes to decode.
     */
    static final long MAX_PIXELS = 50_000_000L;

    private ImageFileReader() {
    }

    /** @param what "Image" or "Mask image", to start messages with */
    static Source read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new SieveException(file + " is a folder, not an image file. Give the path of a PNG, JPEG, BMP or GIF file.");
        }
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, MAX_FILE_BYTES);
        } catch (NoSuchFileException e) {
            throw new SieveException(what + " not found: " + file + ". Check the file name and folder.");
        } catch (AccessDeniedException e) {
            throw new SieveException("Cannot read " + what.toLowerCase(Locale.ROOT) + " " + file
                    + ": permission denied. Make the file readable.", e);
        } catch (IOException e) {
            throw new SieveException("Cannot read " + what.toLowerCase(Locale.ROOT) + " " + file + ": " + e.getMessage()
                    + ". Give a PNG, JPEG, BMP or GIF file.", e);
        }
        if (bytes.length == 0) {
            throw new SieveException(what + " file is empty (0 bytes): " + file + ". Export or copy the image again.");
        }
        return decode(bytes, file, what);
    }

    private static Source decode(byte[] bytes, Path file, String what) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in);
            if (reader == null) {
                throw unreadable(file, what, null);
            }
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw new SieveException(what + " " + file + " has zero size (" + w + "x" + h
                            + " pixels). Use an image with at least one pixel.");
                }
                if ((long) w * h > MAX_PIXELS) {
                    throw new SieveException(what + " " + file + " declares " + w + "x" + h + " pixels, more than the "
                            + MAX_PIXELS / 1_000_000 + " megapixels Sieve decodes. Scale the image down first.");
                }
                String format = formatName(reader);
                BufferedImage image = reader.read(0);
                if (format.equals("gif")) {
                    image = GifScreen.firstFrame(reader, image, file, what);
                }
                int orientation = ExifOrientation.of(bytes);
                return new Source(ExifOrientation.apply(image, orientation), format, orientation,
                        Sha256.ofBytes(bytes));
            } finally {
                reader.dispose();
            }
        } catch (SieveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders signal damaged data with assorted runtime exceptions as well as IIOException.
            throw unreadable(file, what, e);
        }
    }

    private static SieveException unreadable(Path file, String what, Throwable cause) {
        return new SieveException("Cannot read " + what.toLowerCase(Locale.ROOT) + " " + file
                + ": not a PNG, JPEG, BMP or GIF file, or the file is damaged", cause);
    }

    private static ImageReader readerFor(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (FORMATS.contains(formatName(reader))) {
                return reader;
            }
        }
        return null;
    }

    private static String formatName(ImageReader reader) {
        try {
            return reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }
}
