package org.sieve.ui.work;

import org.sieve.image.ForegroundMask;
import org.sieve.image.PreparedImage;
import org.sieve.ui.model.MaskSpec;

/**
 * Turns the user's foreground choice into a {@link ForegroundMask} on a model's input. A brush
 * mask is scaled exactly like the image, as a mask file on the command line is.
 */
public final class Foregrounds {

    private Foregrounds() {
    }

    /** @return the mask, or null for {@link MaskSpec.None} and for auto on an image that is not digit-like */
    public static ForegroundMask derive(MaskSpec spec, PreparedImage image) {
        if (spec instanceof MaskSpec.Auto) {
            return ForegroundMask.autoDoesNotApply(image) == null ? ForegroundMask.auto(image) : null;
        }
        if (spec instanceof MaskSpec.Rectangle r) {
            return ForegroundMask.rectangle(r.spec(), image);
        }
        if (spec instanceof MaskSpec.Brush b) {
            return ForegroundMask.fromPaint(b.paint(), image);
        }
        return null;
    }
}
