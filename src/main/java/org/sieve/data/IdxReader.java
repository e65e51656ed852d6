package org.sieve.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.sieve.SieveException;

/**
 * Reads IDX files (the MNIST format) of unsigned bytes: images (n x rows x cols) and labels (n).
 * Files may be plain or gzipped; gzip is recognised by its magic bytes because the packages
 * that ship these datasets do not agree on file names.
 */
public final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    static final String HOW_TO_GET =
            "Get MNIST and Fashion-MNIST with scripts/fetch-datasets.sh (it writes data/mnist/ and data/fashion/).";

    /** Images as stored: {@code pixels[i]} is image i, row-major, 0 = black, 255 = white. */
    public record Images(int rows, int cols, byte[][] pixels) {
    }

    private IdxReader() {
    }

    public static Images readImages(Path file) {
        byte[] bytes = content(file);
        int[] dims = header(file, bytes, IMAGES_MAGIC, "images");
        int n = dims[0], rows = dims[1], cols = dims[2];
        if (rows == 0 || cols == 0) {
            throw fail(file, "holds images of " + rows + " x " + cols + " pixels");
        }
        int size = rows * cols;
        byte[][] pixels = new byte[n][];
        for (int i = 0; i < n; i++) {
            int start = 16 + i * size;
            pixels[i] = Arrays.copyOfRange(bytes, start, start + size);
        }
        return new Images(rows, cols, pixels);
    }

    public static int[] readLabels(Path file) {
        byte[] bytes = content(file);
        int n = header(file, bytes, LABELS_MAGIC, "labels")[0];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Byte.toUnsignedInt(bytes[8 + i]);
        }
        return labels;
    }

    /** Checks magic number and that the length is exactly what the dimensions promise; returns them. */
    private static int[] header(Path file, byte[] bytes, int magic, String kind) {
        // The low byte of the magic number is the number of dimensions, each a 4-byte size.
        int headerLength = 4 + 4 * (magic & 0xff);
        if (bytes.length < 4) {
            throw fail(file, "is only " + bytes.length + " bytes long, too short for an IDX file");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int found = buf.getInt();
        if (found != magic) {
            String other = found == IMAGES_MAGIC ? " (that of an images file)"
                    : found == LABELS_MAGIC ? " (that of a labels file)" : "";
            throw fail(file, String.format("starts with magic number 0x%08X%s, but IDX %s start with 0x%08X",
                    found, other, kind, magic));
        }
        if (bytes.length < headerLength) {
            throw fail(file, "is only " + bytes.length + " bytes long, too short for an IDX " + kind + " header");
        }
        int[] dims = new int[magic & 0xff];
        long count = 1;
        for (int d = 0; d < dims.length; d++) {
            dims[d] = buf.getInt();
            if (dims[d] < 0) {
                throw fail(file, "has a negative dimension in its header (" + dims[d] + ")");
            }
            // Clamped so the product cannot overflow: no content array is 2^32 bytes long anyway.
            count = Math.min(count * dims[d], 1L << 32);
        }
        long expected = headerLength + count;
        // Both directions matter: a short file lost data, a long one is not what the header says.
        if (bytes.length < expected) {
            throw fail(file, "is truncated: " + bytes.length + " bytes of content, but its header promises "
                    + expected);
        }
        if (bytes.length > expected) {
            throw fail(file, "has " + bytes.length + " bytes of content, but its header promises " + expected
                    + "; it is damaged or not an IDX file");
        }
        return dims;
    }

    /** The file's content, decompressed if it starts with the gzip magic bytes. */
    private static byte[] content(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (!gzip) {
                return in.readAllBytes();
            }
            try (InputStream unzipped = new GZIPInputStream(in)) {
                return unzipped.readAllBytes();
            }
        } catch (NoSuchFileException e) {
            throw new SieveException(file + " does not exist. " + HOW_TO_GET, e);
        } catch (ZipException | EOFException e) {
            throw new SieveException(file + " is a damaged or truncated gzip file (" + e.getMessage() + "). "
                    + "Delete it and run scripts/fetch-datasets.sh again.", e);
        } catch (IOException e) {
            throw new SieveException("Cannot read " + file + ": " + e.getMessage() + ". " + HOW_TO_GET, e);
        }
    }

    private static SieveException fail(Path file, String what) {
        return new SieveException(file + " " + what + ". If it is a dataset file, delete it and run "
                + "scripts/fetch-datasets.sh again to fetch MNIST and Fashion-MNIST afresh.");
    }
}
