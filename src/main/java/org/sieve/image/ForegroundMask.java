package org.sieve.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.sieve.SieveException;

/**
 * Which model-input pixels are foreground, for the foreground/background entropy split
 * (METHOD.md §4). Built from a rectangle or a mask image given in source pixels, or found
 * automatically for digit-like images.
 */
public final class ForegroundMask {

    /** Mean intensity difference from the background level that counts as a stroke. */
    static final double AUTO_THRESHOLD = 0.25;
    /** Share of border pixels at the background level that makes a background plain, as a digit's is. */
    static final double PLAIN_BORDER = 0.9;
    /** How far from black or white a plain background may be: paper or a screen, not a wall or a cat. */
    static final double PAPER = 0.25;

    private final int height;
    private final int width;
    private final boolean[] mask;
    private final int count;
    private final String description;

    private ForegroundMask(int height, int width, boolean[] mask, String description) {
        this.height = height;
        this.width = width;
        this.mask = mask;
        int n = 0;
        for (boolean m : mask) {
            n += m ? 1 : 0;
        }
        this.count = n;
        this.description = description + " (" + n + " of " + mask.length + " input pixels)";
    }

    /** "auto", a rectangle "x,y,w,h" in source pixels, or the path of a mask image; see {@link ForegroundChoice}. */
    public static ForegroundMask parse(String spec, PreparedImage img) {
        return ForegroundChoice.parse(spec).on(img);
    }

    /** Rectangle "x,y,w,h" in source pixels; a model pixel is foreground if its centre lies inside. */
    public static ForegroundMask rectangle(String spec, PreparedImage img) {
        int[] v = rectangleNumbers(spec);
        SourceRegion r = img.region();
        if (v[0] + (long) v[2] > r.sourceWidth() || v[1] + (long) v[3] > r.sourceHeight()) {
            throw new SieveException("Foreground rectangle \"" + spec + "\" goes outside the "
                    + r.sourceWidth() + "x" + r.sourceHeight() + " source image; x+w must be at most "
                    + r.sourceWidth() + " and y+h at most " + r.sourceHeight() + ".");
        }
        double y0 = r.toModelY(v[1], img.height());
        double y1 = r.toModelY(v[1] + v[3], img.height());
        double x0 = r.toModelX(v[0], img.width());
        double x1 = r.toModelX(v[0] + v[2], img.width());
        boolean[] mask = new boolean[img.height() * img.width()];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                mask[y * img.width() + x] = y + 0.5 >= y0 && y + 0.5 < y1 && x + 0.5 >= x0 && x + 0.5 < x1;
            }
        }
        ForegroundMask m = new ForegroundMask(img.height(), img.width(), mask,
                "rectangle " + v[0] + "," + v[1] + "," + v[2] + "," + v[3] + " in source pixels");
        if (m.count == 0) {
            throw new SieveException("Foreground rectangle \"" + spec + "\" covers no pixel of the "
                    + img.width() + "x" + img.height() + " model input" + (img.resizeMode() == ResizeMode.CENTRE_CROP
                    ? " (it may lie in the part removed by the centre crop)" : "")
                    + "; make it larger or move it.");
        }
        return m;
    }

    /**
     * Why {@link #auto} does not apply to {@code img}, or null when it does: it is for digit-like images,
     * strokes on a plain dark or light background (at least {@value #PLAIN_BORDER} of the border at one
     * level, within {@value #PAPER} of black or white), not for photographs.
     */
    public static String autoDoesNotApply(PreparedImage img) {
        double level = backgroundLevel(img);
        float[] border = border(img);
        long plain = 0;
        for (float v : border) {
            plain += Math.abs(v - level) <= AUTO_THRESHOLD ? 1 : 0;
        }
        boolean digitLike = plain >= PLAIN_BORDER * border.length && (level <= PAPER || level >= 1 - PAPER);
        return digitLike ? null : "The automatic foreground finds digit strokes on a plain background, and "
                + Path.of(img.source()).getFileName() + " is not such an image, so it has no foreground; for a photo,"
                + " give a rectangle x,y,w,h (source pixels) or a mask image.";
    }

    /** The median mean intensity of the border pixels. */
    private static double backgroundLevel(PreparedImage img) {
        float[] border = border(img);
        Arrays.sort(border);
        int n = border.length;
        return n % 2 == 1 ? border[n / 2] : (border[n / 2 - 1] + border[n / 2]) / 2.0;
    }

    private static float[] border(PreparedImage img) {
        int h = img.height();
        int w = img.width();
        float[] border = new float[h * w - Math.max(0, h - 2) * Math.max(0, w - 2)];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || y == h - 1 || x == 0 || x == w - 1) {
                    border[n++] = img.meanIntensity(y, x);
                }
            }
        }
        return border;
    }

    /** x, y, w, h of a rectangle "x,y,w,h", checked for what needs no image: whole, not negative, w and h at least 1. */
    static int[] rectangleNumbers(String spec) {
        String[] parts = spec.split(",", -1);
        if (parts.length != 4) {
            throw new SieveException("Foreground rectangle \"" + spec + "\" must be four whole numbers x,y,w,h"
                    + " in source image pixels, e.g. 4,4,20,20.");
        }
        String[] names = {"x", "y", "w", "h"};
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            v[i] = rectangleNumber(spec, names[i], parts[i].strip());
        }
        return v;
    }

    private static int rectangleNumber(String spec, String name, String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SieveException("Foreground rectangle \"" + spec + "\": " + name + " = \"" + text
                    + "\" is not a whole number; give x,y,w,h in source image pixels, e.g. 4,4,20,20.");
        }
        boolean size = name.equals("w") || name.equals("h");
        if (size && value < 1) {
            throw new SieveException("Foreground rectangle \"" + spec + "\": " + name + " = " + value
                    + " must be at least 1 pixel.");
        }
        if (value < 0) {
            throw new SieveException("Foreground rectangle \"" + spec + "\": " + name + " = " + value
                    + " is negative; coordinates start at 0 in the top-left corner.");
        }
        return value;
    }

    /**
     * A mask image the same size as the source image, scaled exactly like it (the same part of it); pixels brighter
     * than 50% are foreground. Transparent pixels count as background.
     */
    public static ForegroundMask fromMaskImage(Path file, PreparedImage img) {
        return fromScaledMask(ImageLoader.load(file, "Mask image", grey(img), ResizeMode.STRETCH,
                PixelDecoder.Matte.BLACK, sameRegion(img, "Mask image " + file)), img, "Mask image " + file);
    }

    /** As {@link #fromMaskImage}, for a mask painted in memory (the explorer's brush). */
    public static ForegroundMask fromPaint(BufferedImage paint, PreparedImage img) {
        return fromScaledMask(ImageLoader.fromBufferedImage(paint, "painted mask", grey(img), ResizeMode.STRETCH,
                PixelDecoder.Matte.BLACK, sameRegion(img, "The painted mask")), img, "The painted mask");
    }

    /** A mask is one grey value per pixel of the image it marks. */
    private static ModelInput grey(PreparedImage img) {
        return new ModelInput(img.height(), img.width(), 1);
    }

    /** The part of the mask that matches the image's region; a mask of another size is refused. */
    private static ImageLoader.RegionChoice sameRegion(PreparedImage img, String what) {
        SourceRegion r = img.region();
        return (width, height, source) -> {
            if (width != r.sourceWidth() || height != r.sourceHeight()) {
                throw new SieveException(what + " is " + width + "x" + height + " pixels but the image is "
                        + r.sourceWidth() + "x" + r.sourceHeight() + "; the mask must have the same size as the image.");
            }
            return r;
        };
    }

    private static ForegroundMask fromScaledMask(PreparedImage m, PreparedImage img, String what) {
        boolean[] mask = new boolean[img.height() * img.width()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = m.pixels()[i] > 0.5f;
        }
        ForegroundMask fm = new ForegroundMask(img.height(), img.width(), mask,
                what.substring(0, 1).toLowerCase(Locale.ROOT) + what.substring(1)
                        + ", pixels brighter than 50%");
        if (fm.count == 0) {
            throw new SieveException(what + " has no pixel brighter than 50% after scaling to "
                    + img.width() + "x" + img.height() + "; paint the foreground white on black.");
        }
        return fm;
    }

    /**
     * For digit-like images: the background level is the median mean intensity of the border
     * pixels, and foreground is whatever differs from it by more than {@value #AUTO_THRESHOLD}.
     */
    public static ForegroundMask auto(PreparedImage img) {
        int h = img.height();
        int w = img.width();
        double level = backgroundLevel(img);
        boolean[] mask = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mask[y * w + x] = Math.abs(img.meanIntensity(y, x) - level) > AUTO_THRESHOLD;
            }
        }
        ForegroundMask m = new ForegroundMask(h, w, mask, String.format(Locale.ROOT,
                "auto: background level %.3f (median of border pixels), strokes differ by more than %.2f",
                level, AUTO_THRESHOLD));
        if (m.count == 0 || m.count == mask.length) {
            throw new SieveException("Auto foreground found no strokes in " + img.source()
                    + (m.count == 0 ? " (every pixel is close to the background level)"
                    : " (every pixel differs from the border)")
                    + "; give a rectangle x,y,w,h in source pixels or a mask image file instead.");
        }
        return m;
    }

    public boolean isForeground(int y, int x) {
        return mask[y * width + x];
    }

    /** One flag per model-input pixel, row-major. */
    public boolean[] pixels() {
        boolean[] out = new boolean[height() * width()];
        for (int y = 0; y < height(); y++) {
            for (int x = 0; x < width(); x++) {
                out[y * width() + x] = isForeground(y, x);
            }
        }
        return out;
    }

    public int foregroundCount() {
        return count;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** What the mask is and how many pixels it covers, for reports and result.json. */
    public String description() {
        return description;
    }
}
