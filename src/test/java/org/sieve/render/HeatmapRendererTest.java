package org.sieve.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.image.SourceRegion;

class HeatmapRendererTest {

    private static final ColourScale SCALE = new ColourScale(0, 1, "pixel-wise entropy h (nats)");

    /** A uniform gray input, as the renderer gets it: the prepared image's 8-bit backdrop. */
    private static BufferedImage grayImage(int size, float value) {
        float[] pixels = new float[size * size];
        Arrays.fill(pixels, value);
        return new PreparedImage(size, size, 1, pixels, "test", new SourceRegion(size, size, 0, 0, size, size),
                ResizeMode.STRETCH, Map.of(), "0").grayscale();
    }

    /** 4x4 grid, 1 in the top-right cell, 0 elsewhere. */
    private static float[][] topRightHigh() {
        float[][] grid = new float[4][4];
        grid[0][3] = 1f;
        return grid;
    }

    /** Bounding box of the pixels with exactly this colour. */
    private static Rectangle boxOf(BufferedImage image, int argb) {
        Rectangle box = null;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == argb) {
                    Rectangle p = new Rectangle(x, y, 1, 1);
                    box = box == null ? p : box.union(p);
                }
            }
        }
        return box;
    }

    @Test
    void highValueColourSitsInItsCell() {
        BufferedImage panel = HeatmapRenderer.renderPanel(grayImage(28, 0.5f), topRightHigh(), SCALE,
                ColourMap.VIRIDIS, 1.0, "conv1", "h̄ = -1.234 nats/dim · D/D0 = 1.49 · converged", 336);
        int high = ColourMap.VIRIDIS.argb(1);
        int low = ColourMap.VIRIDIS.argb(0);
        Rectangle image = boxOf(panel, high).union(boxOf(panel, low));
        // 28 px at a whole factor of 12: the image area is 336 px square, each cell 84 px.
        assertEquals(336, image.width);
        assertEquals(336, image.height);
        assertEquals(new Rectangle(image.x + 252, image.y, 84, 84), boxOf(panel, high));
        assertTrue(image.y > 30, "title and subtitle sit above the image");
        assertEquals(0xFFFFFFFF, panel.getRGB(0, panel.getHeight() - 1), "white background");
    }

    /** The colour over gray 128 at half opacity, rounded as the renderer does. */
    private static int halfOver128(int argb) {
        int out = 0xFF000000;
        for (int shift = 16; shift >= 0; shift -= 8) {
            out |= (int) Math.round(0.5 * 128 + 0.5 * ((argb >> shift) & 0xff)) << shift;
        }
        return out;
    }

    @Test
    void opacityBlendsOverTheGrayImage() {
        BufferedImage panel = HeatmapRenderer.renderPanel(grayImage(28, 128 / 255f), topRightHigh(), SCALE,
                ColourMap.VIRIDIS, 0.5, "t", "s", 336);
        Rectangle low = boxOf(panel, halfOver128(ColourMap.VIRIDIS.argb(0)));
        Rectangle high = boxOf(panel, halfOver128(ColourMap.VIRIDIS.argb(1)));
        Rectangle image = low.union(high);
        assertEquals(new Rectangle(image.x + 252, image.y, 84, 84), high);
        assertEquals(336, image.width);
    }

    @Test
    void nanCellsShowOnlyTheImage() {
        float[][] grid = {{Float.NaN}};
        BufferedImage panel = HeatmapRenderer.renderPanel(grayImage(10, 0.2f), grid, SCALE, ColourMap.VIRIDIS,
                1.0, "t", "s", 100);
        Rectangle image = boxOf(panel, 0xFF333333);
        assertEquals(100, image.width);
    }

    @Test
    void renderAddsAColourBarBesideThePanel() {
        BufferedImage img = grayImage(28, 0.5f);
        BufferedImage panel = HeatmapRenderer.renderPanel(img, topRightHigh(), SCALE, ColourMap.MAGMA, 1.0,
                "t", "s", 336);
        BufferedImage full = HeatmapRenderer.render(img, topRightHigh(), SCALE, ColourMap.MAGMA, 1.0, "t", "s", 336);
        assertEquals(panel.getHeight(), full.getHeight());
        assertTrue(full.getWidth() > panel.getWidth() + 30);
        BufferedImage bar = full.getSubimage(panel.getWidth(), 0, full.getWidth() - panel.getWidth(), full.getHeight());
        assertTrue(boxOf(bar, ColourMap.MAGMA.argb(1)) != null, "the bar shows the top colour");
        assertTrue(boxOf(bar, ColourMap.MAGMA.argb(0)) != null, "the bar shows the bottom colour");
    }

    @Test
    void stripPutsPanelsSideBySide() {
        BufferedImage img = grayImage(28, 0.5f);
        BufferedImage panel = HeatmapRenderer.renderPanel(img, topRightHigh(), SCALE, ColourMap.VIRIDIS, 1.0,
                "a", "", 224);
        BufferedImage strip = HeatmapRenderer.renderStrip(img, List.of(topRightHigh(), new float[7][7]),
                List.of("a", "b"), List.of("", ""), SCALE, ColourMap.VIRIDIS, 1.0, 224);
        assertTrue(strip.getWidth() > 2 * panel.getWidth());
        assertEquals(panel.getHeight(), strip.getHeight());
    }

    @Test
    void colourBarRunsFromMaxAtTopToMinAtBottom() {
        java.awt.Font font = Text.sans(java.awt.Font.PLAIN, 14);
        BufferedImage bar = ColourBar.vertical(SCALE, ColourMap.VIRIDIS, 300, ColourBar.Style.onWhite(font));
        int pad = ColourBar.endPad(font, SCALE);
        assertEquals(300 + 2 * pad, bar.getHeight());
        Rectangle high = boxOf(bar, ColourMap.VIRIDIS.argb(1));
        Rectangle low = boxOf(bar, ColourMap.VIRIDIS.argb(0));
        assertEquals(pad, high.y, "max on the first row of the gradient");
        assertEquals(pad + 299, low.y + low.height - 1, "min on the last");
    }

    /** The explorer reserves this width beside the maps; a bar wider than it would spill off the window. */
    @Test
    void aVerticalBarIsNeverWiderThanItsWidest() {
        List<ColourScale> scales = List.of(SCALE, new ColourScale(-2.3125, 1.7, "pixel-wise entropy H (nats)"),
                new ColourScale(-0.013, 0.0271, "σ", true, true), new ColourScale(-40, 260, "r̄ (log MSE)"));
        for (int size : new int[] {11, 14, 22, 30}) {
            java.awt.Font font = Text.sans(java.awt.Font.PLAIN, size);
            for (ColourScale scale : scales) {
                int widest = ColourBar.widestVertical(scale, font);
                for (int length = 16; length <= 1200; length += 3) {
                    int width = ColourBar.vertical(scale, ColourMap.VIRIDIS, length, ColourBar.Style.onWhite(font))
                            .getWidth();
                    assertTrue(width <= widest, scale + " at length " + length + ", font " + size + ": " + width
                            + " > " + widest);
                }
            }
        }
    }

    @Test
    void cellsBeyondTheRangeAreHatchedNotStretched() {
        ColourScale narrow = new ColourScale(0, 0.5, "h", false, true);
        float[][] grid = {{0.25f, 0.9f}};
        BufferedImage map = HeatmapRenderer.mapImage(grayImage(10, 0.5f), grid, narrow, ColourMap.VIRIDIS, 1.0, 100);
        assertEquals(100, map.getWidth(), "a whole factor of the 10-pixel image");
        int top = ColourMap.VIRIDIS.argb(1);
        java.util.Set<Integer> right = new java.util.HashSet<>();
        for (int y = 0; y < 100; y++) {
            for (int x = 50; x < 100; x++) {
                right.add(map.getRGB(x, y));
            }
        }
        assertEquals(2, right.size(), "the clipped cell shows its end colour in stripes of two shades");
        assertTrue(right.contains(top));
        assertEquals(ColourMap.VIRIDIS.argb(0.5), map.getRGB(10, 10), "a cell inside the range keeps its colour");
        BufferedImage bar = ColourBar.vertical(narrow, ColourMap.VIRIDIS, 200, ColourBar.Style.onWhite(
                Text.sans(java.awt.Font.PLAIN, 14)));
        int pad = ColourBar.endPad(Text.sans(java.awt.Font.PLAIN, 14), narrow);
        Rectangle above = boxOf(bar.getSubimage(0, 0, bar.getWidth(), pad - 1), top);
        assertTrue(above != null, "a hatched triangle above the bar says values go higher");
    }
}
