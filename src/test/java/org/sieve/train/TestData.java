package org.sieve.train;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sieve.data.Dataset;
import org.sieve.data.Datasets;

/** The committed 500-image test subsets, small enough for unit tests, and what they measure. */
public final class TestData {

    private TestData() {
    }

    static Path resource(String file) {
        try {
            return Path.of(TestData.class.getResource("/testsets/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundled LeNet-5's files (no decoders) copied into {@code to}, a model folder of its own. */
    public static Path copyOfLeNet(Path to) throws IOException {
        Path from = Path.of("assets", "models", "lenet5-mnist");
        Files.createDirectories(to);
        for (String f : List.of("model.json", "group1-shard1of1.bin", "sieve.json")) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
        return to;
    }

    /** A data folder under {@code dir} whose MNIST is the committed 500-image subset, for both splits. */
    public static Path tinyMnist(Path dir) throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("data").resolve("mnist"));
        for (String split : List.of("train", "t10k")) {
            Files.copy(resource("mnist-test-500-images.idx.gz"), mnist.resolve(split + "-images-idx3-ubyte.gz"));
            Files.copy(resource("mnist-test-500-labels.idx.gz"), mnist.resolve(split + "-labels-idx1-ubyte.gz"));
        }
        return dir.resolve("data");
    }

    public static Dataset subset(String name) {
        return Datasets.fromFiles(name, resource(name + "-test-500-images.idx.gz"),
                resource(name + "-test-500-labels.idx.gz"));
    }

    /** Mean squared difference between the images and their mean image: what a constant guess achieves. */
    public static double varianceAroundMean(Dataset d) {
        int size = d.images()[0].length;
        double[] mean = new double[size];
        for (float[] img : d.images()) {
            for (int i = 0; i < size; i++) {
                mean[i] += img[i] / (double) d.size();
            }
        }
        double sum = 0;
        for (float[] img : d.images()) {
            for (int i = 0; i < size; i++) {
                sum += (img[i] - mean[i]) * (img[i] - mean[i]);
            }
        }
        return sum / ((double) d.size() * size);
    }
}
