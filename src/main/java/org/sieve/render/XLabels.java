package org.sieve.render;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Category labels under a chart: horizontal when they fit their slot, else rotated 45 degrees
 * (90 when slots are narrower than a line of text), shortened so they never take more than
 * a third of the chart's height.
 */
record XLabels(List<String> shown, double angle, int extent, FontMetrics fm) {

    static XLabels of(List<String> labels, FontMetrics fm, double slot, int chartHeight) {
        int lineH = fm.getAscent() + fm.getDescent();
        int widest = 0;
        for (String s : labels) {
            widest = Math.max(widest, fm.stringWidth(s));
        }
        if (widest <= slot - 4) {
            return new XLabels(labels, 0, lineH, fm);
        }
        double angle = slot < 1.5 * lineH ? Math.PI / 2 : Math.PI / 4;
        int maxLength = (int) ((chartHeight / 3.0 - lineH) / Math.sin(angle));
        List<String> shown = new ArrayList<>();
        int longest = 0;
        for (String s : labels) {
            String t = Text.shorten(fm, s, maxLength);
            shown.add(t);
            longest = Math.max(longest, fm.stringWidth(t));
        }
        return new XLabels(shown, angle, (int) Math.ceil(longest * Math.sin(angle)) + lineH, fm);
    }

    /** How far label i extends left of its tick. */
    int leftReach(int i) {
        int w = fm.stringWidth(shown.get(i));
        return (int) Math.ceil(angle == 0 ? w / 2.0 : w * Math.cos(angle) + fm.getAscent());
    }

    /** Draws label i hanging from (x, top): centred below it, or ending at it when rotated. */
    void draw(Graphics2D g, int i, int x, int top) {
        String s = shown.get(i);
        int w = fm.stringWidth(s);
        if (angle == 0) {
            g.drawString(s, x - w / 2f, top + fm.getAscent());
            return;
        }
        AffineTransform saved = g.getTransform();
        // Rotated text pokes above its anchor by up to half a line; start that much lower.
        g.translate(x, top + (fm.getAscent() + fm.getDescent()) / 2.0 * Math.cos(angle));
        g.rotate(-angle);
        g.drawString(s, -w, (fm.getAscent() - fm.getDescent()) / 2f);
        g.setTransform(saved);
    }
}
