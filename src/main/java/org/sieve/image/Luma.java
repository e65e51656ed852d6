package org.sieve.image;

/** Gray value of a colour, the one conversion used for model inputs, masks and heatmap backgrounds. */
public final class Luma {

    /** Name recorded in result.json. */
    public static final String NAME = "ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B)";

    private Luma() {
    }

    /** BT.601 luma of gamma-encoded components in [0,1]. */
    public static float bt601(double r, double g, double b) {
        return (float) (0.299 * r + 0.587 * g + 0.114 * b);
    }
}
