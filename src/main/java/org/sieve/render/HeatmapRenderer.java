package org.sieve.render;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Draws a per-cell map over the input image it was computed for: the image in grayscale,
 * enlarged by nearest neighbour so pixels stay visible, the map blended on top in a colour
 * map, a title and subtitle above, and a colour bar beside it. The image comes as a backdrop:
 * an 8-bit gray {@link BufferedImage} at the model input's size, so that rendering needs nothing
 * of how images are read and prepared.
 */
public final class HeatmapRenderer {

    private static final Color FRAME = new Color(0x999999);

    /** Sizes and positions shared by every panel of one size, so panels line up in strips. */
    private record Layout(int imageWidth, int imageHeight, int width, int height, int imageLeft, int imageTop,
                          int pad, Font title, Font subtitle, int titleBaseline, int subtitleBaseline) {

        static Layout of(BufferedImage backdrop, int panelSize) {
            if (panelSize < 16) {
                throw new IllegalArgumentException("panel size " + panelSize + " too small");
            }
            Dimension size = imageSize(backdrop, panelSize, 0.75);
            int iw = size.width;
            int ih = size.height;
            int pad = Math.max(6, Math.round(panelSize * 0.03f));
            Font title = Text.sans(Font.BOLD, Math.max(12, panelSize / 17f));
            Font subtitle = Text.sans(Font.PLAIN, Math.max(10, panelSize / 24f));
            FontMetrics tm = Text.metrics(title);
            FontMetrics sm = Text.metrics(subtitle);
            int titleBaseline = pad + tm.getAscent();
            int subtitleBaseline = titleBaseline + tm.getDescent() + pad / 2 + sm.getAscent();
            int imageTop = subtitleBaseline + sm.getDescent() + pad;
            // Narrow images still get room for readable titles.
            int width = Math.max(iw, Math.round(panelSize * 0.75f)) + 2 * pad;
            int bottom = Math.max(pad, Text.metrics(subtitle).getAscent() / 2 + 2);
            return new Layout(iw, ih, width, imageTop + ih + bottom, (width - iw) / 2, imageTop,
                    pad, title, subtitle, titleBaseline, subtitleBaseline);
        }
    }

    private HeatmapRenderer() {
    }

    /**
     * The image's size on screen with its longer side at most {@code longer} pixels: a whole
     * factor of the input's size, which keeps every input pixel the same size, where it fills at
     * least {@code fill} of the length, else exactly {@code longer}.
     */
    private static Dimension imageSize(BufferedImage backdrop, int longer, double fill) {
        int side = Math.max(backdrop.getHeight(), backdrop.getWidth());
        int k = longer / side;
        if (k >= 1 && k * side >= fill * longer) {
            // A whole factor keeps every input pixel the same size on screen.
            return new Dimension(backdrop.getWidth() * k, backdrop.getHeight() * k);
        }
        double s = (double) longer / side;
        return new Dimension(Math.max(1, (int) Math.round(backdrop.getWidth() * s)),
                Math.max(1, (int) Math.round(backdrop.getHeight() * s)));
    }

    /** The size {@link #mapImage} draws the image at: filling {@code longer} up to 5%. */
    public static Dimension imageSize(BufferedImage backdrop, int longer) {
        return imageSize(backdrop, longer, 0.95);
    }

    /**
     * The map over the image and nothing else, its longer side about {@code longer} pixels, for
     * callers that write titles and arrange maps themselves (the explorer, the sheets).
     */
    public static BufferedImage mapImage(BufferedImage backdrop, float[][] grid, ColourScale scale, ColourMap map,
                                         double opacity, int longer) {
        checkGrid(backdrop, grid);
        checkOpacity(opacity);
        Dimension size = imageSize(backdrop, longer);
        return blend(backdrop, grid, scale, map, opacity, size.width, size.height);
    }

    /**
     * One panel with its colour bar.
     *
     * @param grid      values per cell, {@code [gridH][gridW]}, at most the image size; pixel (y, x)
     *                  lies in cell (floor(y*gridH/height), floor(x*gridW/width)); NaN cells show
     *                  the image only
     * @param opacity   weight of the map colour over the image, 0..1
     * @param panelSize length in screen pixels of the image's longer side (whole multiples preferred)
     */
    public static BufferedImage render(BufferedImage backdrop, float[][] grid, ColourScale scale, ColourMap map,
                                       double opacity, String title, String subtitle, int panelSize) {
        return renderStrip(backdrop, Collections.singletonList(grid), List.of(nonNull(title)),
                List.of(nonNull(subtitle)), scale, map, opacity, panelSize);
    }

    /** One panel without colour bar, for callers that arrange panels themselves. */
    public static BufferedImage renderPanel(BufferedImage backdrop, float[][] grid, ColourScale scale, ColourMap map,
                                            double opacity, String title, String subtitle, int panelSize) {
        Layout layout = Layout.of(backdrop, panelSize);
        checkGrid(backdrop, grid);
        checkOpacity(opacity);
        BufferedImage out = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Text.canvas(out);
        try {
            int textWidth = layout.width() - 2 * layout.pad();
            Text.centred(g, nonNull(title), layout.title(), layout.width() / 2, layout.titleBaseline(), textWidth);
            g.setColor(Color.DARK_GRAY);
            Text.centred(g, nonNull(subtitle), layout.subtitle(), layout.width() / 2, layout.subtitleBaseline(),
                    textWidth);
            // A filled frame under the image: stroked lines would be antialiased into its edge pixels.
            g.setColor(FRAME);
            g.fillRect(layout.imageLeft() - 1, layout.imageTop() - 1, layout.imageWidth() + 2,
                    layout.imageHeight() + 2);
            g.drawImage(blend(backdrop, grid, scale, map, opacity, layout.imageWidth(), layout.imageHeight()),
                    layout.imageLeft(), layout.imageTop(), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Several maps of one image side by side on one shared scale, with a single colour bar at the end. */
    public static BufferedImage renderStrip(BufferedImage backdrop, List<float[][]> grids, List<String> titles,
                                            List<String> subtitles, ColourScale scale, ColourMap map,
                                            double opacity, int panelSize) {
        if (grids.isEmpty() || titles.size() != grids.size() || subtitles.size() != grids.size()) {
            throw new IllegalArgumentException("need one title and subtitle per grid, and at least one grid");
        }
        Layout layout = Layout.of(backdrop, panelSize);
        List<BufferedImage> panels = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            panels.add(renderPanel(backdrop, grids.get(i), scale, map, opacity, titles.get(i), subtitles.get(i),
                    panelSize));
        }
        int endPad = ColourBar.endPad(layout.subtitle(), scale);
        BufferedImage bar = ColourBar.vertical(scale, map, layout.imageHeight(), ColourBar.Style.onWhite(
                layout.subtitle()));
        int width = layout.width() * panels.size() + bar.getWidth() + layout.pad();
        int barTop = layout.imageTop() - endPad;
        BufferedImage out = new BufferedImage(width, Math.max(layout.height(), barTop + bar.getHeight()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Text.canvas(out);
        try {
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(panels.get(i), i * layout.width(), 0, null);
            }
            g.drawImage(bar, layout.width() * panels.size(), barTop, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage blend(BufferedImage backdrop, float[][] grid, ColourScale scale, ColourMap map,
                                       double opacity, int iw, int ih) {
        int gridH = grid.length;
        int gridW = grid[0].length;
        int[] grays = backdrop.getRaster().getSamples(0, 0, backdrop.getWidth(), backdrop.getHeight(), 0,
                (int[]) null);
        int[] rgb = new int[iw * ih];
        for (int oy = 0; oy < ih; oy++) {
            int y = (int) ((long) oy * backdrop.getHeight() / ih);
            float[] row = grid[y * gridH / backdrop.getHeight()];
            for (int ox = 0; ox < iw; ox++) {
                int x = (int) ((long) ox * backdrop.getWidth() / iw);
                int gray = grays[y * backdrop.getWidth() + x];
                float v = row[x * gridW / backdrop.getWidth()];
                int colour = map.argb(scale.normalise(v));
                if (scale.clipped(v)) {
                    colour = clippedColour(colour, ox, oy);
                }
                double a = (colour >>> 24) == 0 ? 0 : opacity;
                int mixed = 0xff000000;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    mixed |= (int) Math.round((1 - a) * gray + a * ((colour >> shift) & 0xff)) << shift;
                }
                rgb[oy * iw + ox] = mixed;
            }
        }
        BufferedImage out = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, iw, ih, rgb, 0, iw);
        return out;
    }

    /**
     * A value beyond the colour range: the end colour in diagonal stripes with a contrasting shade,
     * so clipped cells read as "more than the bar shows" whatever the colour map.
     */
    static int clippedColour(int endColour, int x, int y) {
        if (((x + y) / 3) % 2 == 0) {
            return endColour;
        }
        int r = endColour >> 16 & 0xff;
        int g = endColour >> 8 & 0xff;
        int b = endColour & 0xff;
        boolean light = 0.299 * r + 0.587 * g + 0.114 * b > 128;
        return light ? 0xff000000 | (r / 3) << 16 | (g / 3) << 8 | b / 3
                : 0xff000000 | (r + 2 * (255 - r) / 3) << 16 | (g + 2 * (255 - g) / 3) << 8 | (b + 2 * (255 - b) / 3);
    }

    private static void checkOpacity(double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity " + opacity + " outside 0..1");
        }
    }

    private static void checkGrid(BufferedImage backdrop, float[][] grid) {
        if (backdrop.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("the backdrop must be an 8-bit gray image, not of type "
                    + backdrop.getType());
        }
        if (grid.length < 1 || grid.length > backdrop.getHeight()) {
            throw new IllegalArgumentException("grid has " + grid.length + " rows for an image "
                    + backdrop.getHeight() + " high");
        }
        for (float[] row : grid) {
            if (row.length < 1 || row.length != grid[0].length || row.length > backdrop.getWidth()) {
                throw new IllegalArgumentException("grid rows must share one length, 1.." + backdrop.getWidth());
            }
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
