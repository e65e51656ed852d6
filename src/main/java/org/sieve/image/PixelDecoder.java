package org.sieve.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Locale;

/**
 * Turns any BufferedImage into values in [0,1] with alpha composited over a matte.
 * Gray and sRGB images are read from their raw samples: BufferedImage.getRGB would treat gray
 * samples as linear light and brighten them, and would cut 16-bit samples to 8 bits.
 */
final class PixelDecoder {

    /** What transparent pixels are composited over. */
    enum Matte {
        /** For photographs and digits: transparency reads as paper. */
        WHITE(1f),
        /** For mask images: transparency reads as background. */
        BLACK(0f);

        final float level;

        Matte(float level) {
            this.level = level;
        }
    }

    private PixelDecoder() {
    }

    static DecodedImage decode(BufferedImage image, Matte matte) {
        ColorModel cm = image.getColorModel();
        boolean rawSamples = cm instanceof ComponentColorModel && isIntegral(image.getRaster());
        int type = cm.getColorSpace().getType();
        if (rawSamples && type == ColorSpace.TYPE_GRAY) {
            return fromSamples(image, 1, matte, cm.hasAlpha() ? "grayscale with alpha" : "grayscale");
        }
        if (rawSamples && cm.getColorSpace().isCS_sRGB()) {
            return fromSamples(image, 3, matte, cm.hasAlpha() ? "RGBA" : "RGB");
        }
        return fromArgb(image, matte);
    }

    private static boolean isIntegral(Raster raster) {
        int t = raster.getDataBuffer().getDataType();
        return t == DataBuffer.TYPE_BYTE || t == DataBuffer.TYPE_USHORT || t == DataBuffer.TYPE_INT;
    }

    private static DecodedImage fromSamples(BufferedImage image, int colourBands, Matte matte, String kind) {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int bits = cm.getComponentSize(0);
        double[] scale = new double[cm.getNumComponents()];
        for (int b = 0; b < scale.length; b++) {
            scale[b] = 1.0 / ((1L << cm.getComponentSize(b)) - 1);
        }
        boolean alpha = cm.hasAlpha();
        boolean premultiplied = cm.isAlphaPremultiplied();
        float[] out = new float[w * h * colourBands];
        int[] samples = new int[cm.getNumComponents()];
        boolean anyTransparent = false;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.getPixel(x, y, samples);
                double a = alpha ? samples[colourBands] * scale[colourBands] : 1.0;
                anyTransparent |= a < 1.0;
                int o = (y * w + x) * colourBands;
                for (int c = 0; c < colourBands; c++) {
                    double v = samples[c] * scale[c];
                    out[o + c] = (float) ((premultiplied ? v : a * v) + (1 - a) * matte.level);
                }
            }
        }
        String colourType = kind + ", " + bits + "-bit";
        return new DecodedImage(w, h, colourBands, out, colourType, alphaNote(alpha, anyTransparent, matte));
    }

    /** Everything else (palettes, packed 16-bit BMP, ICC colour spaces): ImageIO's 8-bit sRGB. */
    private static DecodedImage fromArgb(BufferedImage image, Matte matte) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        float[] out = new float[w * h * 3];
        boolean anyTransparent = false;
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                double a = (argb >>> 24) / 255.0;
                anyTransparent |= a < 1.0;
                int o = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    double v = ((argb >> (16 - 8 * c)) & 0xff) / 255.0;
                    out[o + c] = (float) (a * v + (1 - a) * matte.level);
                }
            }
        }
        ColorModel cm = image.getColorModel();
        String colourType = cm instanceof IndexColorModel icm
                ? "indexed, " + icm.getMapSize() + "-colour palette"
                : "colour, " + cm.getPixelSize() + " bits per pixel, converted to 8-bit sRGB";
        return new DecodedImage(w, h, 3, out, colourType, alphaNote(cm.hasAlpha(), anyTransparent, matte));
    }

    private static String alphaNote(boolean hasAlpha, boolean anyTransparent, Matte matte) {
        if (!hasAlpha) {
            return "none (no alpha channel)";
        }
        if (!anyTransparent) {
            return "ignored (alpha channel present, every pixel opaque)";
        }
        return "composited over " + matte.name().toLowerCase(Locale.ROOT);
    }
}
