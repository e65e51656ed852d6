package org.sieve.network.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Hostile model files made from the small valid ones in formats/, shared by the format tests and the hostile suite. */
public final class HostileModels {

    /** The small models under src/test/resources/formats. */
    public static final Path FIXTURES = Path.of("src", "test", "resources", "formats");

    private HostileModels() {
    }

    /**
     * A .keras archive whose model.weights.h5 deflates to {@code megabytes} MB of zeros (a zip
     * bomb: a few hundred KB on disk) beside the sequential fixture's other entries.
     */
    public static Path kerasBomb(Path file, int megabytes) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(FIXTURES.resolve("sequential.keras")));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(KerasArchive.WEIGHTS)) {
                    zeros(out, megabytes);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return file;
    }

    private static void zeros(OutputStream out, int megabytes) throws IOException {
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < megabytes; i++) {
            out.write(block);
        }
    }

    /** The first {@code fraction} of {@code fixture}'s bytes. */
    public static Path truncated(String fixture, double fraction, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(FIXTURES.resolve(fixture))) {
            byte[] all = in.readAllBytes();
            return Files.write(file, java.util.Arrays.copyOf(all, (int) (all.length * fraction)));
        }
    }
}
