package org.sieve.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * Exports test-set images of a dataset (from the data dir, see {@link Datasets#defaultDataDir()}, or
 * a pair of IDX files) as PNGs named INDEX-LABEL.png, or the first images and labels as
 * NAME-test-COUNT-{images,labels}.idx.gz. Run as {@code sieve export-samples}.
 */
public final class ExportSamples {

    private ExportSamples() {
    }

    /**
     * Writes the first {@code count} images of {@code test} into {@code outDir}: as a pair of IDX
     * files when {@code idx}, else as PNGs covering as many classes as possible.
     */
    public static void write(Dataset test, int count, Path outDir, boolean idx) throws IOException {
        Files.createDirectories(outDir);
        if (idx) {
            writeIdx(test.subset(0, count), outDir);
        } else {
            writePngs(test, count, outDir);
        }
    }

    static void writeIdx(Dataset data, Path outDir) throws IOException {
        String base = data.name() + "-test-" + data.size();
        byte[][] pixels = Arrays.stream(data.images()).map(ExportSamples::toBytes).toArray(byte[][]::new);
        IdxWriter.writeImages(outDir.resolve(base + "-images.idx.gz"),
                new IdxReader.Images(data.height(), data.width(), pixels));
        IdxWriter.writeLabels(outDir.resolve(base + "-labels.idx.gz"), data.labels());
    }

    static void writePngs(Dataset data, int count, Path outDir) throws IOException {
        for (int i : pick(data.labels(), data.classNames().size(), count)) {
            BufferedImage image = new BufferedImage(data.width(), data.height(), BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, data.width(), data.height(), toBytes(data.images()[i]));
            String label = data.classNames().get(data.labels()[i]);
            ImageIO.write(image, "png", outDir.resolve(i + "-" + fileSafe(label) + ".png").toFile());
        }
    }

    /** The first image of each class in order, then the earliest others until {@code count}; sorted. */
    static TreeSet<Integer> pick(int[] labels, int classes, int count) {
        TreeSet<Integer> picked = new TreeSet<>();
        boolean[] covered = new boolean[classes];
        for (int i = 0; i < labels.length && picked.size() < Math.min(count, classes); i++) {
            if (!covered[labels[i]]) {
                covered[labels[i]] = true;
                picked.add(i);
            }
        }
        for (int i = 0; i < labels.length && picked.size() < count; i++) {
            picked.add(i);
        }
        return picked;
    }

    /** "T-shirt/top" becomes "t-shirt-top": lower case, no path separators or spaces. */
    static String fileSafe(String label) {
        return label.toLowerCase(Locale.ROOT).replace('/', '-').replace(' ', '-');
    }

    private static byte[] toBytes(float[] image) {
        byte[] bytes = new byte[image.length];
        for (int p = 0; p < image.length; p++) {
            bytes[p] = (byte) Math.round(image[p] * 255f);
        }
        return bytes;
    }
}
