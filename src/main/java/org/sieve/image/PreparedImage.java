package org.sieve.image;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model input in pixel space: {@code height x width x channels} values in [0,1], HWC order,
 * before any model-specific normalisation (noise is added in this space, see METHOD.md §2).
 * The pixel array is shared, not copied, so that the engine can feed it without a copy; do not
 * modify it.
 *
 * @param source        file path or name the image came from, for messages and reports
 * @param region        the part of the source that was scaled to this input
 * @param resizeMode    how the region was chosen
 * @param preprocessing what was done, in order, for result.json
 * @param sha256        hex SHA-256 of the source file's bytes (or of the pixels, for in-memory images)
 */
public record PreparedImage(int height, int width, int channels, float[] pixels, String source,
                            SourceRegion region, ResizeMode resizeMode,
                            Map<String, Object> preprocessing, String sha256) {

    public PreparedImage {
        if (height < 1 || width < 1 || (channels != 1 && channels != 3)
                || pixels.length != height * width * channels) {
            throw new IllegalArgumentException("bad image shape " + height + "x" + width + "x" + channels
                    + " for " + pixels.length + " values");
        }
        preprocessing = Collections.unmodifiableMap(new LinkedHashMap<>(preprocessing));
    }

    /** Value of channel c at row y, column x. */
    public float get(int y, int x, int c) {
        return pixels[(y * width + x) * channels + c];
    }

    /** Gray value at (y, x): the value itself for one channel, BT.601 luma for RGB. */
    public float luma(int y, int x) {
        int i = (y * width + x) * channels;
        return channels == 1 ? pixels[i] : Luma.bt601(pixels[i], pixels[i + 1], pixels[i + 2]);
    }

    /**
     * The image in 8-bit gray (luma clamped to [0,1], rounded to 0..255) at its own size: the
     * backdrop the heatmap renderer draws maps over.
     */
    public BufferedImage grayscale() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] gray = new int[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                gray[y * width + x] = Math.round(Math.min(1, Math.max(0, luma(y, x))) * 255);
            }
        }
        out.getRaster().setSamples(0, 0, width, height, 0, gray);
        return out;
    }

    /** Unweighted mean over channels at (y, x). */
    public float meanIntensity(int y, int x) {
        int i = (y * width + x) * channels;
        double sum = 0;
        for (int c = 0; c < channels; c++) {
            sum += pixels[i + c];
        }
        return (float) (sum / channels);
    }
}
