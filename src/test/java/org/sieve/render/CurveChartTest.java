package org.sieve.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurveChartTest {

    private static final List<String> LAYERS = List.of("conv1", "conv2", "pool", "dense1", "logits");

    private static int near(BufferedImage image, Color colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                int d = Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue());
                n += d < 30 ? 1 : 0;
            }
        }
        return n;
    }

    private static BufferedImage chart(double[] values) {
        return new CurveChart("Layer-wise entropy", "layer", "h̄ (nats/dim)", LAYERS)
                .add("mnist-cnn", values)
                .render(800, 500);
    }

    @Test
    void rendersAtTheRequestedSizeWithLines() {
        BufferedImage image = chart(new double[] {-3, -2.5, -1, 0.2, 0.4});
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        assertTrue(near(image, CurveChart.palette(0)) > 300);
    }

    @Test
    void nanLeavesAGap() {
        int full = near(chart(new double[] {-3, -2.5, -1, 0.2, 0.4}), CurveChart.palette(0));
        int gapped = near(chart(new double[] {-3, Double.NaN, -1, 0.2, 0.4}), CurveChart.palette(0));
        assertTrue(gapped < full - 100, full + " vs " + gapped);
    }

    @Test
    void seriesGetDistinctColoursAndDashedEnvelopesShow() {
        Color orange = CurveChart.palette(1);
        BufferedImage image = new CurveChart("t", "layer", "h", LAYERS)
                .add("raw", new double[] {-3, -2, -2.5, -1, 0})
                .add("envelope", new double[] {-3, -2, -2, -1, 0}, CurveChart.palette(0), true)
                .add("other net", new double[] {-2, -1, 0, 1, Double.NaN})
                .render(900, 500);
        assertTrue(near(image, orange) > 200);
        assertTrue(near(image, CurveChart.palette(0)) > 300);
    }

    @Test
    void longLayerNamesAreRotatedNotDropped() {
        List<String> layers = List.of("block1_conv1_relu", "block1_conv2_relu", "block2_conv1_relu",
                "block2_conv2_relu", "block3_conv1_relu", "block3_conv2_relu", "global_average_pooling", "logits");
        BufferedImage image = new CurveChart("t", "layer", "h", layers)
                .add("vgg", new double[] {-3, -2.8, -2, -1.5, -1, -0.5, 0, 0.3})
                .render(640, 420);
        assertEquals(640, image.getWidth());
        // Some dark text pixels below the middle of the chart: the tick labels.
        int dark = 0;
        for (int y = image.getHeight() * 2 / 3; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                dark += (image.getRGB(x, y) & 0xff) < 80 ? 1 : 0;
            }
        }
        assertTrue(dark > 200);
    }
}
