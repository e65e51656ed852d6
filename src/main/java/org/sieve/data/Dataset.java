package org.sieve.data;

import java.util.Arrays;
import java.util.List;

/**
 * Labelled images. Each image is {@code height * width * channels} floats in [0, 1], laid out
 * HWC (row-major, channels last), the layout the models take.
 */
public record Dataset(String name, int height, int width, int channels, float[][] images, int[] labels,
        List<String> classNames) {

    public Dataset {
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
        classNames = List.copyOf(classNames);
    }

    public int size() {
        return labels.length;
    }

    /** The {@code count} images starting at {@code from}; the image arrays are shared, not copied. */
    public Dataset subset(int from, int count) {
        if (from < 0 || count < 0 || from + count > size()) {
            throw new IndexOutOfBoundsException(
                    "subset " + from + "+" + count + " of a dataset of " + size() + " images");
        }
        return new Dataset(name, height, width, channels, Arrays.copyOfRange(images, from, from + count),
                Arrays.copyOfRange(labels, from, from + count), classNames);
    }
}
