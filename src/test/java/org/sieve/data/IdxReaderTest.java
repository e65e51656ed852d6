package org.sieve.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sieve.SieveException;

class IdxReaderTest {

    @TempDir
    Path dir;

    private static IdxReader.Images images(int n, int rows, int cols) {
        byte[][] pixels = new byte[n][rows * cols];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < rows * cols; p++) {
                pixels[i][p] = (byte) (i * 31 + p * 7); // covers values above 127, i.e. unsignedness
            }
        }
        return new IdxReader.Images(rows, cols, pixels);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".gz"})
    void roundTrip(String suffix) throws IOException {
        IdxReader.Images written = images(5, 3, 4);
        int[] labels = {0, 9, 255, 7, 128};
        Path imagesFile = dir.resolve("images" + suffix);
        Path labelsFile = dir.resolve("labels" + suffix);
        IdxWriter.writeImages(imagesFile, written);
        IdxWriter.writeLabels(labelsFile, labels);

        IdxReader.Images read = IdxReader.readImages(imagesFile);
        assertEquals(3, read.rows());
        assertEquals(4, read.cols());
        assertTrue(Arrays.deepEquals(written.pixels(), read.pixels()));
        assertArrayEquals(labels, IdxReader.readLabels(labelsFile));
    }

    @Test
    void gzipIsRecognisedByContentNotName() throws IOException {
        Path gz = dir.resolve("labels.gz");
        IdxWriter.writeLabels(gz, new int[] {3, 1});
        Path misnamed = Files.move(gz, dir.resolve("labels-idx1-ubyte"));
        assertArrayEquals(new int[] {3, 1}, IdxReader.readLabels(misnamed));
    }

    @Test
    void wrongMagicNamesFileAndKind() throws IOException {
        Path labels = dir.resolve("labels");
        IdxWriter.writeLabels(labels, new int[] {1, 2});
        SieveException e = assertThrows(SieveException.class, () -> IdxReader.readImages(labels));
        assertTrue(e.getMessage().contains(labels.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000801"), e.getMessage());
        assertTrue(e.getMessage().contains("labels file"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-datasets.sh"), e.getMessage());
    }

    @Test
    void notAnIdxFileAtAll() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, world");
        SieveException e = assertThrows(SieveException.class, () -> IdxReader.readLabels(text));
        assertTrue(e.getMessage().contains("magic number"), e.getMessage());
    }

    @Test
    void truncatedPlainFile() throws IOException {
        Path file = dir.resolve("images");
        IdxWriter.writeImages(file, images(4, 2, 2));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        SieveException e = assertThrows(SieveException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void truncatedGzipFile() throws IOException {
        Path file = dir.resolve("images.gz");
        IdxWriter.writeImages(file, images(50, 8, 8));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        SieveException e = assertThrows(SieveException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        Path file = dir.resolve("labels");
        IdxWriter.writeLabels(file, new int[] {1, 2, 3});
        Files.write(file, new byte[] {4}, StandardOpenOption.APPEND);
        SieveException e = assertThrows(SieveException.class, () -> IdxReader.readLabels(file));
        assertTrue(e.getMessage().contains("header promises 11"), e.getMessage());
    }

    @Test
    void missingFileSaysHowToFetch() {
        Path file = dir.resolve("absent");
        SieveException e = assertThrows(SieveException.class, () -> IdxReader.readLabels(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-datasets.sh"), e.getMessage());
    }
}
