package org.sieve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.AnalysisResult;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.image.SourceRegion;
import org.sieve.metrics.DiscardingResult;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.SigmaGrid;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelStore;
import org.sieve.render.ColourMap;
import org.sieve.render.PixelShares;
import org.sieve.render.Text;

/** A sheet is exactly the size asked for, filled edge to edge, and never cuts its title. */
class ComparisonSheetTest {

    @Test
    void exactSizesFilledAcrossTheWidth() {
        for (SheetSize size : List.of(new SheetSize(1920, 1080), new SheetSize(3840, 2160), new SheetSize(640, 360),
                new SheetSize(1080, 1920))) {
            for (int layers : new int[] {2, 8}) {
                BufferedImage sheet = ComparisonSheet.render(List.of(panel("A", "LeNet-5", layers)), MapStyle.DEFAULT,
                        size);
                save(sheet, "sheet-" + size + "-" + layers + "-layers");
                assertEquals(size.width(), sheet.getWidth());
                assertEquals(size.height(), sheet.getHeight());
                for (int q = 0; q < 4; q++) {
                    double used = columnsUsed(sheet, q * size.width() / 4, (q + 1) * size.width() / 4);
                    assertTrue(used > 0.6, size + ", " + layers + " layers: quarter " + (q + 1) + " of the width is "
                            + "mostly empty: " + used + " of its columns hold anything below the title");
                }
            }
        }
    }

    @Test
    void twoPanelsBothShowTheirMaps() {
        // On one shared range, A's low values come out dark and B's high ones bright.
        BufferedImage sheet = ComparisonSheet.render(List.of(panel("A", "LeNet-5", 6, -3, 0),
                panel("B", "MLP", 6, 1, 0)), MapStyle.DEFAULT, SheetSize.FULL_HD);
        save(sheet, "sheet-two-panels");
        double dark = PixelShares.near(sheet, ColourMap.VIRIDIS.argb(0), 44);
        double bright = PixelShares.near(sheet, ColourMap.VIRIDIS.argb(1), 44);
        assertTrue(dark > 0.02, "A's maps: " + dark);
        assertTrue(bright > 0.02, "B's maps: " + bright);
    }

    @Test
    void longTitlesWrapRatherThanBeingCut() {
        String title = "LeNet-5 (MNIST) after epoch 1 of 20 vs LeNet-5 (MNIST) after epoch 20 of 20, trained by seed 7";
        Text.Block block = Text.wrap(title, Text.sans(Font.BOLD, 44), 1848, 2);
        assertEquals(title, String.join(" ", block.lines()), "every word shown, in order");
        assertTrue(block.width() <= 1848);
        assertEquals("lenet-vs-mlp_7-digit_information-discarding.png",
                Captions.fileName(List.of(panel("A", "lenet", 2), panel("B", "mlp", 2))));
    }

    static SheetPanel panel(String label, String model, int layers) {
        return panel(label, model, layers, -3, 0.02f);
    }

    /**
     * A panel of a made-up analysis: a 28x28 image, per layer a map rising from {@code low} by
     * {@code slope} a row, with one extreme cell.
     */
    static SheetPanel panel(String label, String model, int layers, float low, float slope) {
        float[] pixels = new float[28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 28 > 8 && i % 28 < 14) ? 1f : 0f;
        }
        PreparedImage img = new PreparedImage(28, 28, 1, pixels, "/tmp/7-digit.png",
                new SourceRegion(28, 28, 0, 0, 28, 28), ResizeMode.STRETCH, Map.of(), "0");
        DiscardingSettings settings = DiscardingSettings.defaults();
        List<LayerResult> results = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            float[][] map = new float[28][28];
            for (int r = 0; r < 28; r++) {
                Arrays.fill(map[r], low + slope * (r + 2.5f * l));
            }
            map[0][0] = 1f;
            names.add("layer" + l);
            results.add(new LayerResult("layer" + l, new long[] {1}, -3 + 0.05 * l, 0, -3 + 0.05 * l, 1.5, 1,
                    l % 3 != 2, l, 50, 1, map, map, null, null, null));
        }
        var network = TestNetworks.convStack(1f, 1);
        Model m = ModelStore.inMemory(network, ModelMetadata.defaults(model, network));
        AnalysisRequest request = new AnalysisRequest(m, img, names, null, settings);
        return new SheetPanel(label, model + " · 7-digit.png", new AnalysisResult(request,
                new DiscardingResult(new SigmaGrid(28, 28, 28, 28, new int[28 * 28]), results), 0));
    }

    /** Kept under target/screenshots to look at. */
    private static void save(BufferedImage sheet, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(sheet, "png", dir.resolve(name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Share of the columns from x0 to x1 with something drawn below the sheet's title lines. */
    private static double columnsUsed(BufferedImage img, int x0, int x1) {
        int used = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = img.getHeight() / 5; y < img.getHeight() * 9 / 10; y++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    used++;
                    break;
                }
            }
        }
        return used / (double) (x1 - x0);
    }
}
