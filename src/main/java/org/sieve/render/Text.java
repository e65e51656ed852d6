package org.sieve.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Drawing set-up and text fitting shared by the figures. */
final class Text {

    /** A label never shrinks below this fraction of its font size before it is shortened instead. */
    private static final float MIN_SHRINK = 0.75f;

    private Text() {
    }

    /** A white image with antialiased shapes and text. Dispose the returned graphics. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        return g;
    }

    static Font sans(int style, float size) {
        return new Font(Font.SANS_SERIF, style, Math.round(size));
    }

    /**
     * Selects on g a font, no smaller than 75% of {@code font}, in which s fits maxWidth, and
     * returns s shortened with an ellipsis if even that font is too wide.
     */
    static String fit(Graphics2D g, String s, Font font, int maxWidth) {
        Font f = font;
        while (g.getFontMetrics(f).stringWidth(s) > maxWidth && f.getSize2D() > font.getSize2D() * MIN_SHRINK) {
            f = f.deriveFont(f.getSize2D() - 1);
        }
        g.setFont(f);
        return shorten(g.getFontMetrics(), s, maxWidth);
    }

    /** s, or its longest prefix plus "…" that fits maxWidth in the given metrics. */
    static String shorten(FontMetrics fm, String s, int maxWidth) {
        if (fm.stringWidth(s) <= maxWidth) {
            return s;
        }
        int n = s.length();
        while (n > 0 && fm.stringWidth(s.substring(0, n) + "…") > maxWidth) {
            n--;
        }
        return s.substring(0, n) + "…";
    }

    /** Draws s centred on cx with its baseline at y, fitted to maxWidth. */
    static void centred(Graphics2D g, String s, Font font, int cx, int y, int maxWidth) {
        String shown = fit(g, s, font, maxWidth);
        g.drawString(shown, cx - g.getFontMetrics().stringWidth(shown) / 2f, y);
    }

    /** Metrics of a font as the canvases draw it, for laying out before any canvas exists. */
    static FontMetrics metrics(Font font) {
        Graphics2D g = canvas(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    /** Line height of a font: ascent plus descent. */
    static int lineHeight(Font font) {
        FontMetrics fm = metrics(font);
        return fm.getAscent() + fm.getDescent();
    }
}
