package org.sieve.render;

import java.awt.image.BufferedImage;

/** What share of a picture's pixels are of a kind, for tests that check what a figure shows. */
public final class PixelShares {

    private PixelShares() {
    }

    private interface Kind {
        boolean of(int r, int g, int b);
    }

    private static double share(BufferedImage img, int x0, int y0, int w, int h, Kind kind) {
        long n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = img.getRGB(x, y);
                if (kind.of(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff)) {
                    n++;
                }
            }
        }
        return n / (double) (w * h);
    }

    private static int spread(int r, int g, int b) {
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    }

    /** Clearly coloured: the maps. */
    public static double coloured(BufferedImage img) {
        return share(img, 0, 0, img.getWidth(), img.getHeight(), (r, g, b) -> spread(r, g, b) > 40);
    }

    /** Gray, neither white nor coloured: images without a map over them. */
    public static double gray(BufferedImage img) {
        return share(img, 0, 0, img.getWidth(), img.getHeight(), (r, g, b) -> spread(r, g, b) < 12
                && r + g + b < 3 * 235);
    }

    /** Dark, as text is, within a rectangle. */
    public static double dark(BufferedImage img, int x0, int y0, int w, int h) {
        return share(img, x0, y0, w, h, (r, g, b) -> r + g + b < 200);
    }

    /** Within {@code tolerance} of a colour in every channel. */
    public static double near(BufferedImage img, int argb, int tolerance) {
        return share(img, 0, 0, img.getWidth(), img.getHeight(), (r, g, b) -> Math.abs(r - (argb >> 16 & 0xff))
                <= tolerance && Math.abs(g - (argb >> 8 & 0xff)) <= tolerance
                && Math.abs(b - (argb & 0xff)) <= tolerance);
    }
}
