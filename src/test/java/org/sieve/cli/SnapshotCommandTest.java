package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelStore;
import org.sieve.render.PixelShares;

/** {@code sieve snapshot}: the comparison sheet as a PNG, without a display. */
class SnapshotCommandTest {

    @TempDir
    static Path dir;
    static Path models;
    static Path image;
    static Path other;

    @BeforeAll
    static void setUp() throws IOException {
        models = dir.resolve("models");
        ModelStore.save(ModelStore.inMemory(TestNetworks.convStack(1f, 1), ModelMetadata.defaults("tiny-conv",
                TestNetworks.convStack(1f, 1))), models.resolve("tiny-conv"));
        ModelStore.save(ModelStore.inMemory(TestNetworks.convStack(1f, 2), ModelMetadata.defaults("tiny-conv-2",
                TestNetworks.convStack(1f, 2))), models.resolve("tiny-conv-2"));
        image = bar(dir.resolve("bar.png"), 15);
        other = bar(dir.resolve("other.png"), 5);
    }

    private static Path bar(Path file, int x) throws IOException {
        BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(x, 5, 10, 30);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private record Outcome(int status, String err) {
    }

    private static Outcome sieve(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesSheetsOfExactlyTheRequestedSize() throws IOException {
        for (String size : List.of("1920x1080", "3840x2160")) {
            Path png = dir.resolve("one-" + size + ".png");
            Outcome o = sieve("snapshot", "--model-dir", models.toString(), "--model", "tiny-conv", "--image",
                    image.toString(), "--layers", "all", "--mask", "auto", "--steps", "8", "--draws", "4",
                    "--size", size, "--out", png.toString());
            assertEquals(0, o.status(), o.err());
            BufferedImage sheet = ImageIO.read(png.toFile());
            assertEquals(size, sheet.getWidth() + "x" + sheet.getHeight());
            assertTrue(PixelShares.coloured(sheet) > 0.02, "heatmaps in colour");
            assertTrue(o.err().contains("Sheet written to"), o.err());
        }
        Path narrow = dir.resolve("narrow.png");
        assertEquals(0, sieve("snapshot", "--model-dir", models.toString(), "--model", "tiny-conv", "--image",
                image.toString(), "--steps", "8", "--draws", "4", "--width", "900", "--colour-range", "full",
                "--out", narrow.toString()).status());
        BufferedImage sheet = ImageIO.read(narrow.toFile());
        assertEquals(900, sheet.getWidth());
        assertEquals(506, sheet.getHeight(), "--width alone: a 16:9 sheet");
    }

    @Test
    void comparesTwoModelsOnOneSheet() throws IOException {
        Path png = dir.resolve("two.png");
        Path single = dir.resolve("single.png");
        String[] common = {"--model-dir", models.toString(), "--model", "tiny-conv", "--image", image.toString(),
            "--steps", "6", "--draws", "4", "--no-cache", "--width", "800"};
        assertEquals(0, sieve(concat(common, "--out", single.toString())).status());
        Outcome o = sieve(concat(common, "--compare-model", "tiny-conv-2", "--out", png.toString()));
        assertEquals(0, o.status(), o.err());
        BufferedImage one = ImageIO.read(single.toFile());
        BufferedImage two = ImageIO.read(png.toFile());
        assertEquals(800, two.getWidth());
        assertEquals(450, two.getHeight());
        assertTrue(PixelShares.coloured(two) > 0.05, "maps in colour: " + PixelShares.coloured(two));
        assertTrue(!java.util.Arrays.equals(pixels(one), pixels(two)), "a different sheet: the second panel is on it");
    }

    @Test
    void comparesTwoImages() throws IOException {
        Path png = dir.resolve("images.png");
        Outcome o = sieve("snapshot", "--model-dir", models.toString(), "--model", "tiny-conv", "--image",
                image.toString(), "--compare-image", other.toString(), "--steps", "6", "--draws", "4", "--no-cache",
                "--out", png.toString());
        assertEquals(0, o.status(), o.err());
        BufferedImage sheet = ImageIO.read(png.toFile());
        assertEquals("1920x1080", sheet.getWidth() + "x" + sheet.getHeight(), "a full HD slide by default");
    }

    @Test
    void reconstructionUncertaintyAddsTheRowOfReconstructions() throws IOException {
        // The bundled LeNet-5 has its decoders.
        String[] common = {"--model", "lenet5-mnist", "--image", "sample-images/mnist/0-7.png", "--layers",
            "conv1,logits", "--steps", "4", "--draws", "4", "--no-cache", "--width", "1000"};
        Path entropy = dir.resolve("lenet-entropy.png");
        Path ru = dir.resolve("lenet-ru.png");
        assertEquals(0, sieve(concat(common, "--out", entropy.toString())).status());
        Outcome o = sieve(concat(common, "--metric", "ru", "--out", ru.toString()));
        assertEquals(0, o.status(), o.err());
        BufferedImage one = ImageIO.read(entropy.toFile());
        BufferedImage two = ImageIO.read(ru.toFile());
        assertEquals(1000, two.getWidth());
        assertEquals(one.getHeight(), two.getHeight(), "the same frame");
        assertTrue(PixelShares.gray(two) > PixelShares.gray(one) + 0.01, "the input and reconstructions, in gray,"
                + " under the maps: " + PixelShares.gray(two) + " vs " + PixelShares.gray(one));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, sieve("snapshot", "--model", "tiny-conv", "--image", image.toString()).status(),
                "--out is required");
        Outcome narrow = sieve("snapshot", "--model-dir", models.toString(), "--model", "tiny-conv", "--image",
                image.toString(), "--width", "100", "--out", dir.resolve("x.png").toString());
        assertEquals(2, narrow.status());
        assertTrue(narrow.err().contains("--width"), narrow.err());
        Outcome map = sieve("snapshot", "--model-dir", models.toString(), "--model", "tiny-conv", "--image",
                image.toString(), "--colour-map", "rainbow", "--out", dir.resolve("x.png").toString());
        assertEquals(2, map.status());
        Outcome size = sieve("snapshot", "--model-dir", models.toString(), "--model", "tiny-conv", "--image",
                image.toString(), "--size", "1920by1080", "--out", dir.resolve("x.png").toString());
        assertEquals(2, size.status());
        assertTrue(size.err().contains("--size") && size.err().contains("WIDTHxHEIGHT"), size.err());
        Outcome range = sieve("snapshot", "--model-dir", models.toString(), "--model", "tiny-conv", "--image",
                image.toString(), "--colour-range", "-1,-4", "--out", dir.resolve("x.png").toString());
        assertEquals(2, range.status());
        assertTrue(range.err().contains("--colour-range") && range.err().contains("lower end first"), range.err());
        assertTrue(sieve("help", "snapshot").status() == 0);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length + 1];
        out[0] = "snapshot";
        System.arraycopy(a, 0, out, 1, a.length);
        System.arraycopy(b, 0, out, 1 + a.length, b.length);
        return out;
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
