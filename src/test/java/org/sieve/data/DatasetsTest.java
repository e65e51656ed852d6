package org.sieve.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sieve.SieveException;

class DatasetsTest {

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(DatasetsTest.class.getResource("/testsets/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist", "fashion"})
    void committedSubsetsLoad(String name) throws URISyntaxException {
        Dataset data = Datasets.fromFiles(name, resource(name + "-test-500-images.idx.gz"),
                resource(name + "-test-500-labels.idx.gz"));
        assertEquals(500, data.size());
        assertEquals(28, data.height());
        assertEquals(28, data.width());
        assertEquals(1, data.channels());
        assertEquals(10, data.classNames().size());
        boolean[] seen = new boolean[10];
        for (int i = 0; i < data.size(); i++) {
            assertEquals(28 * 28, data.images()[i].length);
            seen[data.labels()[i]] = true;
            for (float v : data.images()[i]) {
                assertTrue(v >= 0f && v <= 1f);
            }
        }
        for (boolean s : seen) {
            assertTrue(s, "every class occurs among the first 500 test images");
        }
    }

    @Test
    void loadFindsPlainOrGzippedStandardNames() throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        IdxWriter.writeImages(mnist.resolve("t10k-images-idx3-ubyte.gz"),
                new IdxReader.Images(2, 2, new byte[][] {{0, (byte) 255, 0, 0}, {1, 2, 3, 4}}));
        IdxWriter.writeLabels(mnist.resolve("t10k-labels-idx1-ubyte"), new int[] {7, 2});

        Dataset data = Datasets.load("mnist", "test", dir);
        assertEquals(2, data.size());
        assertEquals(1f, data.images()[0][1]);
        assertEquals("7", data.classNames().get(data.labels()[0]));

        Dataset second = data.subset(1, 1);
        assertEquals(1, second.size());
        assertEquals(2, second.labels()[0]);
        assertSame(data.images()[1], second.images()[0]);
    }

    @Test
    void imagesAndLabelsOfDifferentSizes() throws IOException {
        Path images = dir.resolve("images.gz");
        Path labels = dir.resolve("labels.gz");
        IdxWriter.writeImages(images, new IdxReader.Images(1, 1, new byte[][] {{1}, {2}, {3}}));
        IdxWriter.writeLabels(labels, new int[] {1, 2});
        SieveException e = assertThrows(SieveException.class, () -> Datasets.fromFiles("mnist", images, labels));
        assertTrue(e.getMessage().contains("3 images"), e.getMessage());
        assertTrue(e.getMessage().contains("2 labels"), e.getMessage());
    }

    @Test
    void labelOutsideTheClasses() throws IOException {
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        IdxWriter.writeImages(images, new IdxReader.Images(1, 1, new byte[][] {{1}}));
        IdxWriter.writeLabels(labels, new int[] {10});
        SieveException e = assertThrows(SieveException.class, () -> Datasets.fromFiles("fashion", images, labels));
        assertTrue(e.getMessage().contains("label 10"), e.getMessage());
    }

    @Test
    void missingFilesPointToTheFetchScript() {
        SieveException e = assertThrows(SieveException.class, () -> Datasets.load("fashion", "train", dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-datasets.sh"), e.getMessage());
    }

    @Test
    void unknownNameOrSplitListsTheValidOnes() {
        SieveException name = assertThrows(SieveException.class, () -> Datasets.load("cifar10", "test", dir));
        assertTrue(name.getMessage().contains("[fashion, mnist]"), name.getMessage());
        SieveException split = assertThrows(SieveException.class, () -> Datasets.load("mnist", "val", dir));
        assertTrue(split.getMessage().contains("[test, train]"), split.getMessage());
    }

    @Test
    void fileSafeLabelsAndSampleChoice() {
        assertEquals("t-shirt-top", ExportSamples.fileSafe("T-shirt/top"));
        assertEquals("ankle-boot", ExportSamples.fileSafe("Ankle boot"));
        // Classes 0 and 1 first appear at 0 and 3; the third pick is the earliest remaining image.
        assertEquals(List.of(0, 1, 3), List.copyOf(ExportSamples.pick(new int[] {0, 0, 0, 1}, 2, 3)));
    }
}
