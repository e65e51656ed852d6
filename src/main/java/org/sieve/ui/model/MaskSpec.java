package org.sieve.ui.model;

import java.awt.image.BufferedImage;

/**
 * How the foreground is chosen, in source-image terms, so that one choice applies to any model's
 * input size (compare mode shares it between two models).
 */
public sealed interface MaskSpec {

    /** No foreground: no foreground/background curves. */
    record None() implements MaskSpec {
    }

    /** Digit strokes, found from the border's level. */
    record Auto() implements MaskSpec {
    }

    /** A rectangle in source pixels. */
    record Rectangle(int x, int y, int width, int height) implements MaskSpec {
        public String spec() {
            return x + "," + y + "," + width + "," + height;
        }
    }

    /**
     * Painted pixels: white on black, the source image's size.
     *
     * @param version changes on every stroke so that equal-looking specs still differ
     */
    record Brush(BufferedImage paint, long version) implements MaskSpec {
    }

    MaskSpec NONE = new None();
    MaskSpec AUTO = new Auto();
}
