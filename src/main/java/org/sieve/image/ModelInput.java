package org.sieve.image;

/**
 * The input a model takes, which every image is prepared to: {@code height x width} pixels of
 * {@code channels} values (1 gray, 3 RGB), read once from the model's metadata.
 */
public record ModelInput(int height, int width, int channels) {

    /** The values of one input image, {@code height * width * channels}. */
    public int values() {
        return height * width * channels;
    }

    /** As listings write it: "28x28x1". */
    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
