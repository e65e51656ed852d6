package org.sieve.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** A vertical colour bar: gradient with max at the top, min/mid/max ticks, and the scale's label. */
final class ColourBar {

    private static final int TICK = 5;

    private ColourBar() {
    }

    /** Space above and below the gradient so the end tick labels are not cut off. */
    static int endPad(Font font) {
        return Text.metrics(font).getAscent() / 2 + 2;
    }

    /** @param length height of the gradient itself; the image is {@code 2 * endPad(font)} taller */
    static BufferedImage draw(ColourScale scale, ColourMap map, int length, Font font) {
        FontMetrics fm = Text.metrics(font);
        int pad = endPad(font);
        int barWidth = Math.max(12, font.getSize());
        int gap = Math.max(3, font.getSize() / 3);
        double[] values = {scale.max(), (scale.min() + scale.max()) / 2, scale.min()};
        int labelWidth = 0;
        for (double v : values) {
            labelWidth = Math.max(labelWidth, fm.stringWidth(scale.format(v)));
        }
        int labelX = 1 + barWidth + TICK + gap;
        int titleX = labelX + labelWidth + 2 * gap;
        int width = titleX + fm.getAscent() + fm.getDescent() + gap;
        BufferedImage out = new BufferedImage(width, length + 2 * pad, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Text.canvas(out);
        try {
            g.setColor(Color.GRAY);
            g.fillRect(0, pad - 1, barWidth + 2, length + 2);
            // First row is exactly max and last exactly min, level with their ticks.
            for (int r = 0; r < length; r++) {
                g.setColor(new Color(map.argb(1 - (double) r / (length - 1))));
                g.fillRect(1, pad + r, barWidth, 1);
            }
            g.setFont(font);
            int[] ys = {pad, pad + (length - 1) / 2, pad + length - 1};
            for (int i = 0; i < 3; i++) {
                g.setColor(Color.BLACK);
                g.drawLine(1 + barWidth, ys[i], barWidth + TICK, ys[i]);
                g.drawString(scale.format(values[i]), labelX, ys[i] + (fm.getAscent() - fm.getDescent()) / 2f);
            }
            // The label reads bottom to top along the bar, centred on it.
            AffineTransform saved = g.getTransform();
            g.translate(titleX + fm.getAscent(), pad + length / 2.0);
            g.rotate(-Math.PI / 2);
            Text.centred(g, scale.label(), font, 0, 0, length + 2 * pad);
            g.setTransform(saved);
        } finally {
            g.dispose();
        }
        return out;
    }
}
