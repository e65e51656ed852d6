package org.sieve.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sieve.SieveException;
import org.sieve.model.KnownDatasets;

/** Loads MNIST and Fashion-MNIST from the IDX files that scripts/fetch-datasets.sh puts in place. */
public final class Datasets {

    /** IDX files are named by the original MNIST prefixes, which call the test split "t10k". */
    private static final Map<String, String> SPLIT_PREFIX = new TreeMap<>(Map.of("train", "train", "test", "t10k"));

    private Datasets() {
    }

    /** {@code -Dsieve.data=DIR} if set, else {@code data/} in the working directory (the project root). */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("sieve.data", "data")).toAbsolutePath();
    }

    public static Dataset load(String name, String split) {
        return load(name, split, defaultDataDir());
    }

    /** Loads {@code dataDir/<name>/<prefix>-{images-idx3,labels-idx1}-ubyte[.gz]}. */
    public static Dataset load(String name, String split, Path dataDir) {
        KnownDatasets.classNames(name);
        String prefix = SPLIT_PREFIX.get(split);
        if (prefix == null) {
            throw new SieveException("Unknown split '" + split + "'; use one of " + SPLIT_PREFIX.keySet() + ".");
        }
        Path dir = dataDir.resolve(name);
        return fromFiles(name, find(dir, prefix + "-images-idx3-ubyte"), find(dir, prefix + "-labels-idx1-ubyte"));
    }

    /** A dataset from any pair of IDX files holding images and labels of dataset {@code name}. */
    public static Dataset fromFiles(String name, Path imagesFile, Path labelsFile) {
        List<String> classes = KnownDatasets.classNames(name);
        IdxReader.Images images = IdxReader.readImages(imagesFile);
        int[] labels = IdxReader.readLabels(labelsFile);
        if (images.pixels().length != labels.length) {
            throw new SieveException(imagesFile + " holds " + images.pixels().length + " images but "
                    + labelsFile + " holds " + labels.length + " labels; they must come from the same split. "
                    + IdxReader.HOW_TO_GET);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes.size()) {
                throw new SieveException(labelsFile + " gives image " + i + " the label " + labels[i] + ", but "
                        + name + " has only " + classes.size() + " classes; it is not a " + name + " label file. "
                        + IdxReader.HOW_TO_GET);
            }
        }
        return new Dataset(name, images.rows(), images.cols(), 1, toFloats(images.pixels()), labels, classes);
    }

    /** The plain file if present, else the gzipped one; fetch scripts ship either. */
    private static Path find(Path dir, String baseName) {
        for (Path candidate : List.of(dir.resolve(baseName), dir.resolve(baseName + ".gz"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new SieveException("Missing " + dir.resolve(baseName) + "[.gz]. Run scripts/fetch-datasets.sh to "
                + "download MNIST and Fashion-MNIST into data/, or point -Dsieve.data at a folder holding "
                + "mnist/ and fashion/.");
    }

    private static float[][] toFloats(byte[][] pixels) {
        float[][] images = new float[pixels.length][];
        for (int i = 0; i < pixels.length; i++) {
            images[i] = new float[pixels[i].length];
            for (int p = 0; p < pixels[i].length; p++) {
                images[i][p] = Byte.toUnsignedInt(pixels[i][p]) / 255f;
            }
        }
        return images;
    }
}
