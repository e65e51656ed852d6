package org.sieve.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sieve.SieveException;

/**
 * How pixels in [0,1] are brought to what a network was trained on: (pixel - mean) / std per
 * channel, applied inside the graph. The presets cover how common trainers feed images.
 *
 * @param label how it is written on the command line, e.g. "imagenet" or "0.5/0.25"
 */
public record PixelNormalization(String label, float[] mean, float[] std) {

    /** A named preset with a one-line explanation, for help texts and the explorer's question. */
    public record Preset(String name, String explanation, float[] mean, float[] std) {
    }

    public static final List<Preset> PRESETS = List.of(
            new Preset("none", "pixels as they are, from 0 to 1 (Keras models that rescale inside, MNIST nets)",
                    new float[] {0}, new float[] {1}),
            new Preset("imagenet", "ImageNet mean and deviation per RGB channel (torchvision and most PyTorch models)",
                    new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}),
            new Preset("minus-one-to-one", "pixels from -1 to 1 (MobileNet and Inception in Keras, TF Hub)",
                    new float[] {0.5f}, new float[] {0.5f}),
            new Preset("zero-to-255", "pixels from 0 to 255 (networks that normalise inside, Keras EfficientNet)",
                    new float[] {0}, new float[] {1 / 255f}));

    public PixelNormalization {
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * The largest normalised pixel Sieve accepts: zero-to-255 reaches 255, and a standard deviation
     * so small that pixels pass this (0.5/1e-45 gives 3.5e44) only makes the network's output
     * infinite or NaN.
     */
    public static final double MAX_NORMALISED = 1e6;

    /**
     * What makes a channel's mean and std unusable, or null: every pixel from 0 to 1 must become a
     * finite number of at most {@link #MAX_NORMALISED} in magnitude.
     */
    public static String degenerate(float mean, float std) {
        if (!Float.isFinite(mean) || !Float.isFinite(std) || !(std > 0)) {
            return "mean must be a finite number and std a finite number > 0";
        }
        double largest = Math.max(Math.abs(mean), Math.abs(1.0 - mean)) / std;
        return largest <= MAX_NORMALISED ? null : String.format(Locale.ROOT, "(pixel - mean) / std reaches %.3g",
                largest) + " (at most " + (int) MAX_NORMALISED + " is accepted: a std that small makes the network's"
                + " output infinite or NaN)";
    }

    /** The command-line syntax, for help texts. */
    public static final String SYNTAX = "none|imagenet|minus-one-to-one|zero-to-255|MEAN[,MEAN..]/STD[,STD..]";

    /**
     * A preset name or "MEAN[,MEAN..]/STD[,STD..]" for a network taking {@code channels}
     * channels; one value stands for every channel.
     */
    public static PixelNormalization parse(String text, int channels) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Preset p : PRESETS) {
            if (p.name().equals(t)) {
                return new PixelNormalization(p.name(), perChannel(p.mean(), channels, text),
                        perChannel(p.std(), channels, text));
            }
        }
        String[] parts = t.split("/", -1);
        if (parts.length != 2) {
            throw new SieveException("Normalisation '" + text + "' is neither a preset nor MEAN/STD. Use " + SYNTAX
                    + ", e.g. 0.5/0.5 or 0.485,0.456,0.406/0.229,0.224,0.225.");
        }
        float[] mean = perChannel(numbers(parts[0], text), channels, text);
        float[] std = perChannel(numbers(parts[1], text), channels, text);
        for (int c = 0; c < channels; c++) {
            String problem = degenerate(mean[c], std[c]);
            if (problem != null) {
                throw new SieveException("Normalisation '" + text + "' is unusable: " + problem + ". Give each STD as"
                        + " the spread the network was trained with, e.g. 0.5/0.25 or imagenet.");
            }
        }
        return new PixelNormalization(text.trim(), mean, std);
    }

    private static float[] numbers(String list, String text) {
        String[] items = list.split(",", -1);
        float[] v = new float[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                v[i] = Float.parseFloat(items[i].trim());
            } catch (NumberFormatException e) {
                throw new SieveException("Normalisation '" + text + "': '" + items[i].trim()
                        + "' is not a number. Use " + SYNTAX + ".");
            }
            if (!Float.isFinite(v[i])) {
                throw new SieveException("Normalisation '" + text + "': '" + items[i].trim() + "' is not finite.");
            }
        }
        return v;
    }

    private static float[] perChannel(float[] values, int channels, String text) {
        if (values.length == channels) {
            return values;
        }
        if (values.length == 1) {
            float[] v = new float[channels];
            Arrays.fill(v, values[0]);
            return v;
        }
        throw new SieveException("Normalisation '" + text + "' gives " + values.length + " values but the model takes "
                + channels + " channel(s); give one value, or one per channel.");
    }
}
