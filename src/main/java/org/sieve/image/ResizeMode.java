package org.sieve.image;

/** How a source image of any aspect ratio is brought to the model's input size. */
public enum ResizeMode {
    /** Scale each axis independently; the whole image is kept, shapes may be distorted. */
    STRETCH("stretch"),
    /** Keep the aspect ratio: cut the largest centred region of the model's aspect ratio, then scale. */
    CENTRE_CROP("centre-crop");

    private final String label;

    ResizeMode(String label) {
        this.label = label;
    }

    /** The name written to result.json and accepted on the command line. */
    public String label() {
        return label;
    }
}
