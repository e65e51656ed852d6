package org.sieve.image;

import org.sieve.SieveException;

/**
 * The part of a photo the user asked for ({@code --region x,y,w,h}, the explorer's crop box), in source
 * pixels, before the image's size is known. {@link ImageLoader} checks it against the image and scales
 * only that part to the model's input (centre-cropping inside it with {@link ResizeMode#CENTRE_CROP}).
 */
public record RequestedRegion(int x, int y, int width, int height) {

    /** Parses {@code x,y,w,h} (whole source pixels); the message names the value and what is wanted. */
    public static RequestedRegion parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw bad("--region '" + text + "' must be x,y,w,h: four whole numbers in source pixels, e.g. 150,20,180,180");
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw bad("--region '" + text + "': '" + parts[i].strip() + "' is not a whole number; give x,y,w,h in"
                        + " source pixels, e.g. 150,20,180,180");
            }
        }
        if (v[0] < 0 || v[1] < 0 || v[2] < 1 || v[3] < 1) {
            throw bad("--region '" + text + "': x and y must be 0 or more, w and h at least 1");
        }
        return new RequestedRegion(v[0], v[1], v[2], v[3]);
    }

    /** This region of a {@code sourceWidth x sourceHeight} image, which it must lie inside. */
    SourceRegion in(int sourceWidth, int sourceHeight, String source) {
        if (width < 1 || height < 1 || x < 0 || y < 0 || (long) x + width > sourceWidth
                || (long) y + height > sourceHeight) {
            throw bad("Region " + this.text() + " (x,y,w,h) does not lie inside " + source + ", which is " + sourceWidth
                    + "x" + sourceHeight + " pixels; choose x + w <= " + sourceWidth + " and y + h <= " + sourceHeight);
        }
        return new SourceRegion(sourceWidth, sourceHeight, x, y, width, height);
    }

    /** As --region takes it. */
    public String text() {
        return x + "," + y + "," + width + "," + height;
    }

    private static SieveException bad(String message) {
        return new SieveException(message);
    }
}
