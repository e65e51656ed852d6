package org.sieve.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files that {@link IdxReader} reads; gzipped when the file name ends in ".gz". */
public final class IdxWriter {

    private IdxWriter() {
    }

    public static void writeImages(Path file, IdxReader.Images images) throws IOException {
        int size = images.rows() * images.cols();
        try (DataOutputStream out = open(file)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(images.pixels().length);
            out.writeInt(images.rows());
            out.writeInt(images.cols());
            for (byte[] image : images.pixels()) {
                if (image.length != size) {
                    throw new IllegalArgumentException("image of " + image.length + " bytes, expected " + size);
                }
                out.write(image);
            }
        }
    }

    public static void writeLabels(Path file, int[] labels) throws IOException {
        try (DataOutputStream out = open(file)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            for (int label : labels) {
                if (label < 0 || label > 255) {
                    throw new IllegalArgumentException("label " + label + " does not fit an unsigned byte");
                }
                out.writeByte(label);
            }
        }
    }

    private static DataOutputStream open(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        return new DataOutputStream(file.toString().endsWith(".gz") ? new GZIPOutputStream(out) : out);
    }
}
