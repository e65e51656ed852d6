package org.sieve.image;

/**
 * The rectangle of the source image (in source pixels) that was scaled to the model input,
 * kept so that coordinates given in source pixels can be mapped onto model-input pixels.
 */
public record SourceRegion(int sourceWidth, int sourceHeight, int x, int y, int width, int height) {

    public SourceRegion {
        if (width < 1 || height < 1 || x < 0 || y < 0
                || x + width > sourceWidth || y + height > sourceHeight) {
            throw new IllegalArgumentException("region " + x + "," + y + "," + width + "," + height
                    + " outside " + sourceWidth + "x" + sourceHeight);
        }
    }

    /** The whole source image. */
    static SourceRegion whole(int sourceWidth, int sourceHeight) {
        return new SourceRegion(sourceWidth, sourceHeight, 0, 0, sourceWidth, sourceHeight);
    }

    /** The largest centred region with the aspect ratio targetWidth:targetHeight. */
    static SourceRegion centred(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight) {
        // Compare sourceWidth/sourceHeight with targetWidth/targetHeight without rounding.
        if ((long) sourceWidth * targetHeight > (long) sourceHeight * targetWidth) {
            int w = clamp(Math.round((double) sourceHeight * targetWidth / targetHeight), sourceWidth);
            return new SourceRegion(sourceWidth, sourceHeight, (sourceWidth - w) / 2, 0, w, sourceHeight);
        }
        int h = clamp(Math.round((double) sourceWidth * targetHeight / targetWidth), sourceHeight);
        return new SourceRegion(sourceWidth, sourceHeight, 0, (sourceHeight - h) / 2, sourceWidth, h);
    }

    /** The largest region centred inside this one with the aspect ratio targetWidth:targetHeight. */
    SourceRegion centredInside(int targetWidth, int targetHeight) {
        SourceRegion c = centred(width, height, targetWidth, targetHeight);
        return new SourceRegion(sourceWidth, sourceHeight, x + c.x, y + c.y, c.width, c.height);
    }

    private static int clamp(long length, int max) {
        return (int) Math.max(1, Math.min(max, length));
    }

    /** Source column (continuous, pixel edges at integers) to model-input column. */
    public double toModelX(double sourceX, int modelWidth) {
        return (sourceX - x) * modelWidth / width;
    }

    /** Source row (continuous, pixel edges at integers) to model-input row. */
    public double toModelY(double sourceY, int modelHeight) {
        return (sourceY - y) * modelHeight / height;
    }
}
