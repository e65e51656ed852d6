package org.sieve.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Drawing set-up and text fitting shared by the figures. */
public final class Text {

    /** A label never shrinks below this fraction of its font size before it is shortened instead. */
    private static final float MIN_SHRINK = 0.75f;

    private Text() {
    }

    /** A white image with antialiased shapes and text. Dispose the returned graphics. */
    public static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = prepare(image.createGraphics());
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        return g;
    }

    /** Antialiased shapes and text, smooth scaling of images. */
    public static Graphics2D prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        return g;
    }

    public static Font sans(int style, float size) {
        return new Font(Font.SANS_SERIF, style, Math.round(size));
    }

    /**
     * Selects on g a font, no smaller than 75% of {@code font}, in which s fits maxWidth, and
     * returns s shortened with an ellipsis if even that font is too wide.
     */
    public static String fit(Graphics2D g, String s, Font font, int maxWidth) {
        Font f = font;
        while (g.getFontMetrics(f).stringWidth(s) > maxWidth && f.getSize2D() > font.getSize2D() * MIN_SHRINK) {
            f = f.deriveFont(f.getSize2D() - 1);
        }
        g.setFont(f);
        return shorten(g.getFontMetrics(), s, maxWidth);
    }

    /** s, or its longest prefix plus "…" that fits maxWidth in the given metrics. */
    public static String shorten(FontMetrics fm, String s, int maxWidth) {
        if (fm.stringWidth(s) <= maxWidth) {
            return s;
        }
        int n = s.length();
        while (n > 0 && fm.stringWidth(s.substring(0, n) + "…") > maxWidth) {
            n--;
        }
        return s.substring(0, n) + "…";
    }

    /** Text broken into lines in one font. */
    public record Block(Font font, List<String> lines) {

        public int height() {
            FontMetrics fm = metrics(font);
            return lines.size() * (fm.getAscent() + fm.getDescent());
        }

        /** Of the widest line. */
        public int width() {
            FontMetrics fm = metrics(font);
            return lines.stream().mapToInt(fm::stringWidth).max().orElse(0);
        }

        /** Draws the lines from top y, each centred on cx (or starting at cx when not centred). */
        public void draw(Graphics2D g, int cx, int top, boolean centred) {
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            int y = top + fm.getAscent();
            for (String line : lines) {
                g.drawString(line, centred ? cx - fm.stringWidth(line) / 2f : cx, y);
                y += fm.getAscent() + fm.getDescent();
            }
        }
    }

    /**
     * s wrapped at spaces into at most maxLines lines of maxWidth, in {@code font} or, where it
     * needs more lines, a font shrunk down to 70%; only then is the last line shortened with "…".
     */
    public static Block wrap(String s, Font font, int maxWidth, int maxLines) {
        Font f = font;
        List<String> lines = lines(s, metrics(f), maxWidth);
        while (lines.size() > maxLines && f.getSize2D() > font.getSize2D() * 0.7f) {
            f = f.deriveFont(f.getSize2D() - 1);
            lines = lines(s, metrics(f), maxWidth);
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String rest = String.join(" ", lines.subList(maxLines - 1, lines.size()));
            kept.set(maxLines - 1, shorten(metrics(f), rest, maxWidth));
            lines = kept;
        }
        return new Block(f, lines);
    }

    /** Greedy line breaking at spaces; a word wider than the line is shortened. */
    private static List<String> lines(String s, FontMetrics fm, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.trim().split("\\s+")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(next) <= maxWidth || line.length() == 0) {
                line.setLength(0);
                line.append(next);
            } else {
                lines.add(shorten(fm, line.toString(), maxWidth));
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(shorten(fm, line.toString(), maxWidth));
        return lines;
    }

    /** Draws s centred on cx with its baseline at y, fitted to maxWidth. */
    public static void centred(Graphics2D g, String s, Font font, int cx, int y, int maxWidth) {
        String shown = fit(g, s, font, maxWidth);
        g.drawString(shown, cx - g.getFontMetrics().stringWidth(shown) / 2f, y);
    }

    /** Metrics of a font as the canvases draw it, for laying out before any canvas exists. */
    public static FontMetrics metrics(Font font) {
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
