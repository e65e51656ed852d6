package org.sieve.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Values over the layers of a network, one line per series, layers in order along x. NaN
 * values leave gaps. Dashed series (e.g. a monotone envelope) are drawn without markers so
 * they read as derived from the solid ones.
 */
public final class CurveChart {

    /** matplotlib's default colour cycle ("tab10"). */
    private static final int[] PALETTE = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
        0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF};

    private record Series(String name, double[] values, Color colour, boolean dashed) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> layers;
    private final List<Series> series = new ArrayList<>();

    public CurveChart(String title, String xLabel, String yLabel, List<String> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one layer");
        }
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.layers = List.copyOf(layers);
    }

    /** Colour i of the cycle, for pairing a dashed series with its solid one. */
    public static Color palette(int i) {
        return new Color(PALETTE[Math.floorMod(i, PALETTE.length)]);
    }

    /** A solid series in the first colour of the cycle no series uses yet; one value per layer. */
    public CurveChart add(String name, double[] values) {
        int i = 0;
        while (i < PALETTE.length && colourUsed(palette(i))) {
            i++;
        }
        return add(name, values, palette(i), false);
    }

    private boolean colourUsed(Color colour) {
        return series.stream().anyMatch(s -> s.colour().equals(colour));
    }

    public CurveChart add(String name, double[] values, Color colour, boolean dashed) {
        if (values.length != layers.size()) {
            throw new IllegalArgumentException("series " + name + " has " + values.length + " values for "
                    + layers.size() + " layers");
        }
        series.add(new Series(name, values.clone(), colour, dashed));
        return this;
    }

    public BufferedImage render(int width, int height) {
        return render(width, height, Math.min(16, Math.max(11, height / 40f)));
    }

    /** @param base size of the labels' font in pixels; the title's is 30% larger */
    public BufferedImage render(int width, int height, float base) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("chart " + width + "x" + height + " too small");
        }
        Font titleFont = Text.sans(Font.BOLD, base * 1.3f);
        Font font = Text.sans(Font.PLAIN, base);
        FontMetrics fm = Text.metrics(font);
        int lineH = fm.getAscent() + fm.getDescent();
        int pad = Math.round(base);
        Axis y = valueAxis();

        int legendWidth = legendWidth(fm, width);
        // A long title takes two lines (in a smaller font if need be) rather than being cut.
        Text.Block titleLines = Text.wrap(title, titleFont, width - 2 * pad, 2);
        int top = pad + titleLines.height() + pad;
        int tickWidth = 0;
        for (double t : y.ticks()) {
            tickWidth = Math.max(tickWidth, fm.stringWidth(y.format(t)));
        }
        int left = pad + lineH + pad / 2 + tickWidth + 6;
        int right = width - pad - (legendWidth > 0 ? legendWidth + pad : 0);
        int plotW = right - left;
        double slot = (double) plotW / layers.size();
        XLabels x = XLabels.of(layers, fm, slot, height);
        // A slanted first label reaches left of its tick; keep it on the canvas.
        int minLeft = pad + x.leftReach(0) - (int) (slot / 2);
        if (left < minLeft) {
            left = minLeft;
            plotW = right - left;
            slot = (double) plotW / layers.size();
        }
        int bottom = height - pad - lineH - pad / 2 - x.extent() - 6;
        int plotH = bottom - top;
        if (plotW < 40 || plotH < 40) {
            throw new IllegalArgumentException("chart " + width + "x" + height + " too small for its labels");
        }

        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Text.canvas(out);
        try {
            titleLines.draw(g, width / 2, pad, true);
            g.setFont(font);
            for (double t : y.ticks()) {
                int py = (int) Math.round(bottom - y.position(t) * plotH);
                g.setColor(new Color(0xE6E6E6));
                g.drawLine(left, py, right, py);
                g.setColor(Color.BLACK);
                g.drawLine(left - 4, py, left, py);
                String s = y.format(t);
                g.drawString(s, left - 6 - fm.stringWidth(s), py + (fm.getAscent() - fm.getDescent()) / 2f);
            }
            g.setColor(Color.BLACK);
            g.drawRect(left, top, plotW, plotH);
            for (int i = 0; i < layers.size(); i++) {
                int px = (int) Math.round(left + (i + 0.5) * slot);
                g.drawLine(px, bottom, px, bottom + 4);
                x.draw(g, i, px, bottom + 6);
            }
            g.setFont(font);
            Text.centred(g, xLabel, font, left + plotW / 2, height - pad - fm.getDescent(), plotW);
            AffineTransform saved = g.getTransform();
            g.translate(pad + fm.getAscent(), top + plotH / 2.0);
            g.rotate(-Math.PI / 2);
            Text.centred(g, yLabel, font, 0, 0, plotH);
            g.setTransform(saved);

            for (Series s : series) {
                drawSeries(g, s, left, slot, bottom, plotH, y, base);
            }
            if (legendWidth > 0) {
                drawLegend(g, font, right + pad, top, legendWidth, base);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private Axis valueAxis() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return Axis.spanning(lo, hi);
    }

    private void drawSeries(Graphics2D g, Series s, int left, double slot, int bottom, int plotH, Axis y, float base) {
        g.setColor(s.colour());
        g.setStroke(stroke(s.dashed(), base));
        double r = base / 4;
        double prevX = Double.NaN;
        double prevY = Double.NaN;
        for (int i = 0; i < s.values().length; i++) {
            double v = s.values()[i];
            double px = left + (i + 0.5) * slot;
            double py = Double.isFinite(v) ? bottom - y.position(v) * plotH : Double.NaN;
            if (!Double.isNaN(py) && !Double.isNaN(prevY)) {
                g.draw(new Line2D.Double(prevX, prevY, px, py));
            }
            if (!Double.isNaN(py) && !s.dashed()) {
                g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
            }
            prevX = px;
            prevY = py;
        }
        g.setStroke(new BasicStroke());
    }

    private static Stroke stroke(boolean dashed, float base) {
        float w = Math.max(1.5f, base / 6);
        return dashed
                ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3 * w, 2 * w}, 0f)
                : new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** Width of the legend column; names are shortened so it takes at most a third of the chart. */
    private int legendWidth(FontMetrics fm, int width) {
        if (series.isEmpty()) {
            return 0;
        }
        int widest = 0;
        for (Series s : series) {
            widest = Math.max(widest, fm.stringWidth(s.name()));
        }
        return Math.min(width / 3, widest + sampleLength(fm) + fm.getHeight() / 2);
    }

    private static int sampleLength(FontMetrics fm) {
        return 2 * fm.getHeight();
    }

    /** One entry per series, a long name in two lines rather than cut. */
    private void drawLegend(Graphics2D g, Font font, int x, int top, int legendWidth, float base) {
        FontMetrics fm = Text.metrics(font);
        int sample = sampleLength(fm);
        int textX = x + sample + fm.getHeight() / 2;
        int y = top;
        for (Series s : series) {
            Text.Block name = Text.wrap(s.name(), font, x + legendWidth - textX, 2);
            int cy = y + (fm.getAscent() + fm.getDescent()) / 2 + 1;
            g.setColor(s.colour());
            g.setStroke(stroke(s.dashed(), base));
            g.drawLine(x, cy, x + sample, cy);
            g.setStroke(new BasicStroke());
            g.setColor(Color.BLACK);
            name.draw(g, textX, y + 1, false);
            y += name.height() + 2;
        }
    }
}
