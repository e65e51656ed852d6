package org.sieve.analysis;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.LayerResult;
import org.sieve.render.ColourMap;
import org.sieve.render.ColourScale;
import org.sieve.render.HeatmapRenderer;

/** A layer's reconstruction of the input (metric 2) as an image that renderers and views show like the input. */
public final class Reconstructions {

    private Reconstructions() {
    }

    /** The reconstruction clamped to the pixel range, or null when the layer has none. */
    public static PreparedImage of(PreparedImage input, LayerResult layer) {
        float[] r = layer.reconstruction();
        if (r == null || r.length != input.pixels().length) {
            return null;
        }
        float[] pixels = new float[r.length];
        for (int i = 0; i < r.length; i++) {
            pixels[i] = Math.max(0f, Math.min(1f, r[i]));
        }
        return new PreparedImage(input.height(), input.width(), input.channels(), pixels,
                "reconstruction from " + layer.name(), input.region(), input.resizeMode(),
                Map.of("reconstructedFrom", layer.name()), input.sha256());
    }

    /**
     * The layer's reconstruction drawn as a heatmap panel without a map, titled "rebuilt from" the
     * layer with its MSE, so it lines up with the layer's heatmap of the same size; null when the
     * layer has none.
     */
    public static BufferedImage render(PreparedImage input, LayerResult layer, int panelSize) {
        PreparedImage rebuilt = of(input, layer);
        if (rebuilt == null) {
            return null;
        }
        return imageOnly(rebuilt, "rebuilt from " + layer.name(),
                String.format(Locale.ROOT, "MSE %.4f", meanSquaredError(input, layer)), panelSize);
    }

    /** The layer's reconstruction alone, its longer side about {@code longer} pixels; null when it has none. */
    public static BufferedImage image(PreparedImage input, LayerResult layer, int longer) {
        PreparedImage rebuilt = of(input, layer);
        return rebuilt == null ? null : plain(rebuilt, longer);
    }

    /** An image drawn as a map of the same size is, with nothing over it, to stand beside maps. */
    public static BufferedImage plain(PreparedImage img, int longer) {
        // Every cell is NaN, so the scale and colour map are never read.
        return HeatmapRenderer.mapImage(img.grayscale(), noOverlay(1, 1), new ColourScale(0, 1, ""), ColourMap.GRAYS, 0,
                longer);
    }

    /** An image drawn like a heatmap panel of the same size, with no map over it. */
    public static BufferedImage imageOnly(PreparedImage img, String title, String subtitle, int panelSize) {
        // Every cell is NaN, so the scale and colour map are never read.
        return HeatmapRenderer.renderPanel(img.grayscale(), noOverlay(1, 1), new ColourScale(0, 1, ""),
                ColourMap.GRAYS, 0, title, subtitle, panelSize);
    }

    /** A grid of NaN cells: renderers show the image alone where a cell has no value. */
    public static float[][] noOverlay(int rows, int columns) {
        float[][] grid = new float[rows][columns];
        for (float[] row : grid) {
            Arrays.fill(row, Float.NaN);
        }
        return grid;
    }

    /** Mean squared error per dimension between the input and the layer's reconstruction. */
    public static double meanSquaredError(PreparedImage input, LayerResult layer) {
        float[] r = layer.reconstruction();
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            double d = r[i] - input.pixels()[i];
            sum += d * d;
        }
        return sum / r.length;
    }
}
