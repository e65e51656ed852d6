package org.sieve.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sieve.SieveException;

/**
 * Turns an image file or in-memory image into the model's input: channel conversion
 * (alpha composited over white), region choice ({@link ResizeMode}) and resampling
 * (area average when shrinking, bilinear when enlarging), recording every step.
 */
public final class ImageLoader {

    private ImageLoader() {
    }

    /** Which part of a {@code sourceWidth x sourceHeight} source to scale, or why none fits (a SieveException). */
    @FunctionalInterface
    interface RegionChoice {
        SourceRegion in(int sourceWidth, int sourceHeight, String source);
    }

    /** Reads a PNG, JPEG, BMP or GIF file (first frame), grayscale or colour, 8 or 16 bit. */
    public static PreparedImage load(Path file, ModelInput input, ResizeMode mode) {
        return load(file, input, mode, null);
    }

    /** Only {@code region} of the file (null: all of it), which must lie inside the image. */
    public static PreparedImage load(Path file, ModelInput input, ResizeMode mode, RequestedRegion region) {
        return load(file, "Image", input, mode, PixelDecoder.Matte.WHITE, region == null ? null : region::in);
    }

    /** For images that come from the GUI (pasted, drawn); the fingerprint is then of the pixels. */
    public static PreparedImage fromBufferedImage(BufferedImage image, String sourceName, ModelInput input,
                                                  ResizeMode mode) {
        return fromBufferedImage(image, sourceName, input, mode, null);
    }

    /** Only {@code region} of the image (null: all of it), which must lie inside it. */
    public static PreparedImage fromBufferedImage(BufferedImage image, String sourceName, ModelInput input,
                                                  ResizeMode mode, RequestedRegion region) {
        return fromBufferedImage(image, sourceName, input, mode, PixelDecoder.Matte.WHITE,
                region == null ? null : region::in);
    }

    static PreparedImage fromBufferedImage(BufferedImage image, String sourceName, ModelInput input,
                                           ResizeMode mode, PixelDecoder.Matte matte, RegionChoice requested) {
        DecodedImage decoded = PixelDecoder.decode(image, matte);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("source", sourceName);
        record.put("sourceFormat", "in-memory image");
        record.put("sha256Of", "pixels (width, height, 8-bit ARGB rows)");
        return prepare(decoded, record, sourceName, PixelFingerprint.of(image), input, mode, requested);
    }

    /**
     * The picture in an image file as it is displayed (EXIF orientation applied, a GIF frame at
     * its offset), read under the same checks as {@link #load}: what the explorer shows.
     */
    public static BufferedImage picture(Path file) {
        return ImageFileReader.read(file, "Image").image();
    }

    /** Shared by masks, which are composited over black so that transparency reads as background. */
    static PreparedImage load(Path file, String what, ModelInput input, ResizeMode mode, PixelDecoder.Matte matte,
                              RegionChoice requested) {
        ImageFileReader.Source source = ImageFileReader.read(file, what);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("source", file.toString());
        record.put("sourceFormat", source.format());
        if (source.orientation() != ExifOrientation.AS_STORED) {
            record.put("exifOrientation", source.orientation());
        }
        record.put("sha256Of", "file bytes");
        DecodedImage decoded = PixelDecoder.decode(source.image(), matte);
        return prepare(decoded, record, file.toString(), source.sha256(), input, mode, requested);
    }

    private static PreparedImage prepare(DecodedImage src, Map<String, Object> record, String sourceName,
                                         String sha256, ModelInput input, ResizeMode mode,
                                         RegionChoice requested) {
        int height = input.height();
        int width = input.width();
        int channels = input.channels();
        if (channels != 1 && channels != 3) {
            throw new SieveException("The model expects " + channels + " input channels; Sieve handles"
                    + " 1 (grayscale) or 3 (RGB). Use a model with grayscale or RGB input.");
        }
        if (height < 1 || width < 1) {
            throw new SieveException("The model's input size " + height + "x" + width
                    + " is not usable; it must be at least 1x1 pixels.");
        }
        SourceRegion chosen = requested == null ? SourceRegion.whole(src.width(), src.height())
                : requested.in(src.width(), src.height(), sourceName);
        SourceRegion region = mode == ResizeMode.CENTRE_CROP ? chosen.centredInside(width, height) : chosen;
        Resampler.Axis rows = Resampler.axis(region.y(), region.height(), height);
        Resampler.Axis cols = Resampler.axis(region.x(), region.width(), width);
        float[] converted = ChannelConversion.convert(src.pixels(), src.channels(), channels);
        float[] pixels = Resampler.apply(converted, src.width(), channels, rows, cols);

        record.put("sourceWidth", src.width());
        record.put("sourceHeight", src.height());
        record.put("sourceColourType", src.colourType());
        record.put("sourceInColour", inColour(src));
        record.put("alpha", src.alpha());
        record.put("channelConversion", ChannelConversion.describe(src.channels(), channels));
        if (chosen.width() != src.width() || chosen.height() != src.height()) {
            record.put("regionInSourcePixels", crop(chosen));
        }
        record.put("resizeMode", mode.label());
        record.put("cropInSourcePixels", crop(region));
        record.put("targetWidth", width);
        record.put("targetHeight", height);
        record.put("targetChannels", channels);
        record.put("resampling", Resampler.describe(rows, cols));
        record.put("valueRange", "[0, 1], no normalisation (the model's own is applied inside the graph)");
        return new PreparedImage(height, width, channels, pixels, sourceName, region, mode, record, sha256);
    }

    /** Whether the pixels have colour, not only their file type: mean spread of R, G and B above 4 %. */
    private static boolean inColour(DecodedImage src) {
        if (src.channels() < 3) {
            return false;
        }
        float[] p = src.pixels();
        double spread = 0;
        for (int i = 0; i + 2 < p.length; i += src.channels()) {
            spread += Math.max(p[i], Math.max(p[i + 1], p[i + 2])) - Math.min(p[i], Math.min(p[i + 1], p[i + 2]));
        }
        return spread / (p.length / src.channels()) > 0.04;
    }

    private static Map<String, Object> crop(SourceRegion r) {
        Map<String, Object> crop = new LinkedHashMap<>();
        crop.put("x", r.x());
        crop.put("y", r.y());
        crop.put("width", r.width());
        crop.put("height", r.height());
        return crop;
    }
}
