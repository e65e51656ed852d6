package org.sieve.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.sieve.SieveException;

/**
 * Exports test-set images of a dataset from the data dir (see {@link Datasets#defaultDataDir()}).
 * <pre>
 *   ExportSamples NAME COUNT OUTDIR        COUNT PNGs named INDEX-LABEL.png, covering as many classes as possible
 *   ExportSamples NAME COUNT OUTDIR IMAGES LABELS   the same from a pair of IDX files (e.g. a committed subset)
 *   ExportSamples --idx NAME COUNT OUTDIR  the first COUNT images and labels as NAME-test-COUNT-{images,labels}.idx.gz
 * </pre>
 */
public final class ExportSamples {

    private ExportSamples() {
    }

    public static void main(String[] args) throws IOException {
        boolean idx = args.length > 0 && args[0].equals("--idx");
        List<String> rest = Arrays.asList(args).subList(idx ? 1 : 0, args.length);
        if (rest.size() != 3 && (idx || rest.size() != 5)) {
            System.err.println("usage: ExportSamples [--idx] mnist|fashion COUNT OUTDIR"
                    + " | ExportSamples mnist|fashion COUNT OUTDIR IMAGES.idx[.gz] LABELS.idx[.gz]");
            System.exit(2);
        }
        try {
            Dataset test = rest.size() == 5 ? Datasets.fromFiles(rest.get(0), Path.of(rest.get(3)), Path.of(rest.get(4)))
                    : Datasets.load(rest.get(0), "test");
            int count = Integer.parseInt(rest.get(1));
            Path outDir = Files.createDirectories(Path.of(rest.get(2)));
            if (idx) {
                writeIdx(test.subset(0, count), outDir);
            } else {
                writePngs(test, count, outDir);
            }
        } catch (SieveException e) {
            System.err.println(e.getMessage());
            System.exit(e.exitCode());
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
