package org.sieve.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Colour bars: a vertical one with round-valued ticks and the scale's label (max at the top), and a
 * slim horizontal one with its two ends labelled, for a map with a range of its own. Where the maps
 * hold values beyond the range, a hatched triangle past that end says so, hatched as those cells are.
 */
public final class ColourBar {

    private static final int TICK = 5;

    /**
     * How a bar is drawn.
     *
     * @param ink        ticks and text
     * @param background behind it, or null for transparent (to sit on a themed window)
     */
    public record Style(Font font, Color ink, Color background) {

        /** Black on white, as on the sheets and PNG files. */
        public static Style onWhite(Font font) {
            return new Style(font, Color.BLACK, Color.WHITE);
        }
    }

    private ColourBar() {
    }

    /** Space above the gradient's top and below its bottom, for end labels and clipping triangles. */
    public static int endPad(Font font, ColourScale scale) {
        int text = Text.metrics(font).getAscent() / 2 + 2;
        return scale.clipsLow() || scale.clipsHigh() ? Math.max(text, triangle(font) + 3) : text;
    }

    private static int barWidth(Font font) {
        return Math.max(12, font.getSize());
    }

    private static int triangle(Font font) {
        return barWidth(font) * 4 / 5;
    }

    /** @param length height of the gradient itself; the image is {@code 2 * endPad} taller */
    public static BufferedImage vertical(ColourScale scale, ColourMap map, int length, Style style) {
        Font font = style.font();
        FontMetrics fm = Text.metrics(font);
        int pad = endPad(font, scale);
        int barWidth = barWidth(font);
        List<Double> ticks = spaced(scale, length, fm.getAscent() + fm.getDescent());
        int labelX = labelX(font);
        int titleX = titleX(font, labelWidth(ticks, scale, fm));
        // Along the bar, in two lines where one is longer than the bar.
        Text.Block title = Text.wrap(scale.label(), font, length + 2 * pad, 2);
        int width = titleX + title.height() + gap(font);
        BufferedImage out = canvas(width, length + 2 * pad, style);
        Graphics2D g = Text.prepare(out.createGraphics());
        try {
            g.setColor(Color.GRAY);
            g.fillRect(0, pad - 1, barWidth + 2, length + 2);
            // First row is exactly max and last exactly min, level with their ticks.
            for (int r = 0; r < length; r++) {
                g.setColor(new Color(map.argb(1 - (double) r / (length - 1))));
                g.fillRect(1, pad + r, barWidth, 1);
            }
            int tri = triangle(font);
            if (scale.clipsHigh()) {
                hatchedTriangle(out, map.argb(1), 1, pad - 2, barWidth, -tri);
            }
            if (scale.clipsLow()) {
                hatchedTriangle(out, map.argb(0), 1, pad + length + 1, barWidth, tri);
            }
            g.setFont(font);
            g.setColor(style.ink());
            for (double t : ticks) {
                int y = pad + (int) Math.round((1 - scale.normalise(t)) * (length - 1));
                g.drawLine(1 + barWidth, y, barWidth + TICK, y);
                g.drawString(scale.formatTick(t), labelX, y + (fm.getAscent() - fm.getDescent()) / 2f);
            }
            // The label reads bottom to top along the bar, centred on it.
            AffineTransform saved = g.getTransform();
            g.translate(titleX, pad + length / 2.0);
            g.rotate(-Math.PI / 2);
            title.draw(g, 0, 0, true);
            g.setTransform(saved);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The most width {@link #vertical} takes at any length: every tick labelled and the title in
     * two lines (a shorter bar thins its ticks, a longer one writes the title in one line).
     */
    public static int widestVertical(ColourScale scale, Font font) {
        FontMetrics fm = Text.metrics(font);
        return titleX(font, labelWidth(scale.ticks(), scale, fm)) + 2 * (fm.getAscent() + fm.getDescent())
                + gap(font);
    }

    /** Space between the ticks, their labels and the title. */
    private static int gap(Font font) {
        return Math.max(3, font.getSize() / 3);
    }

    /** Where the tick labels start: after the gradient and its tick marks. */
    private static int labelX(Font font) {
        return 1 + barWidth(font) + TICK + gap(font);
    }

    /** Where the title starts, after labels {@code labelWidth} wide. */
    private static int titleX(Font font, int labelWidth) {
        return labelX(font) + labelWidth + 2 * gap(font);
    }

    private static int labelWidth(List<Double> ticks, ColourScale scale, FontMetrics fm) {
        int width = 0;
        for (double t : ticks) {
            width = Math.max(width, fm.stringWidth(scale.formatTick(t)));
        }
        return width;
    }

    /**
     * A slim bar {@code length} wide with the range's ends written under it, for a map drawn on a
     * range of its own.
     */
    public static BufferedImage horizontal(ColourScale scale, ColourMap map, int length, Style style) {
        Font font = style.font();
        FontMetrics fm = Text.metrics(font);
        int thick = Math.max(6, font.getSize() * 2 / 3);
        int tri = scale.clipsLow() || scale.clipsHigh() ? thick : 0;
        int barLength = Math.max(8, length - 2 * tri);
        BufferedImage out = canvas(length, thick + 2 + fm.getAscent() + fm.getDescent(), style);
        Graphics2D g = Text.prepare(out.createGraphics());
        try {
            for (int c = 0; c < barLength; c++) {
                g.setColor(new Color(map.argb((double) c / (barLength - 1))));
                g.fillRect(tri + c, 0, 1, thick);
            }
            if (scale.clipsLow()) {
                hatchedSideTriangle(out, map.argb(0), tri - 1, thick, -tri);
            }
            if (scale.clipsHigh()) {
                hatchedSideTriangle(out, map.argb(1), tri + barLength, thick, tri);
            }
            g.setFont(font);
            g.setColor(style.ink());
            int y = thick + 2 + fm.getAscent();
            g.drawString(scale.format(scale.min()), 0, y);
            String max = scale.format(scale.max());
            g.drawString(max, length - fm.stringWidth(max), y);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The scale's ticks, thinned to every second, third, ... where they would crowd the bar. */
    private static List<Double> spaced(ColourScale scale, int length, int lineHeight) {
        List<Double> all = scale.ticks();
        if (all.size() < 2) {
            return all;
        }
        double apart = length * (scale.normalise(all.get(1)) - scale.normalise(all.get(0)));
        int every = (int) Math.max(1, Math.ceil(1.3 * lineHeight / apart));
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i += every) {
            kept.add(all.get(i));
        }
        return kept;
    }

    private static BufferedImage canvas(int width, int height, Style style) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        if (style.background() != null) {
            Graphics2D g = out.createGraphics();
            g.setColor(style.background());
            g.fillRect(0, 0, width, height);
            g.dispose();
        }
        return out;
    }

    /** A triangle on the bar's end at y, pointing up (height < 0) or down, hatched like clipped cells. */
    private static void hatchedTriangle(BufferedImage out, int colour, int x, int y, int width, int height) {
        fill(out, new Polygon(new int[] {x, x + width, x + width / 2}, new int[] {y, y, y + height}, 3), colour);
    }

    /** A triangle beside the bar's end at x, pointing left (width < 0) or right, hatched like clipped cells. */
    private static void hatchedSideTriangle(BufferedImage out, int colour, int x, int thick, int width) {
        fill(out, new Polygon(new int[] {x, x, x + width}, new int[] {0, thick, thick / 2}, 3), colour);
    }

    private static void fill(BufferedImage out, Polygon shape, int colour) {
        var box = shape.getBounds();
        for (int y = Math.max(0, box.y); y < Math.min(out.getHeight(), box.y + box.height + 1); y++) {
            for (int x = Math.max(0, box.x); x < Math.min(out.getWidth(), box.x + box.width + 1); x++) {
                if (shape.contains(x + 0.5, y + 0.5)) {
                    out.setRGB(x, y, HeatmapRenderer.clippedColour(colour, x, y));
                }
            }
        }
    }
}
