package org.sieve.analysis;

import java.nio.file.Path;
import org.sieve.image.ForegroundMask;
import org.sieve.image.PreparedImage;
import org.sieve.model.ModelMetadata;

/**
 * Whether an image suits a model: a photograph on a network trained on small grayscale images
 * (28x28 digits or clothes) is shrunk to a thumbnail the network never saw the like of, and its
 * answer means little. Said as a warning on the command line and a note in the explorer, not silently.
 */
public final class ImageFit {

    /** Inputs this small (a side, in pixels) and grayscale are digit and clothing models. */
    static final int SMALL_INPUT = 32;

    private ImageFit() {
    }

    /** The warning for {@code img} on model {@code m}, or null when nothing is wrong. */
    public static String warning(ModelMetadata m, PreparedImage img) {
        boolean smallGray = m.input().channels() == 1 && m.input().height() <= SMALL_INPUT
                && m.input().width() <= SMALL_INPUT;
        boolean colour = Boolean.TRUE.equals(img.preprocessing().get("sourceInColour"));
        Object width = img.preprocessing().get("sourceWidth");
        Object height = img.preprocessing().get("sourceHeight");
        boolean large = width instanceof Integer w && height instanceof Integer h
                && w >= 2 * m.input().width() && h >= 2 * m.input().height();
        // A colour photo always; a big gray image unless it is strokes on paper (a scanned digit).
        if (!smallGray || !colour && !(large && ForegroundMask.autoDoesNotApply(img) != null)) {
            return null;
        }
        String what = (colour ? "a colour photo" : "a photo")
                + (width == null ? "" : " of " + width + "x" + height + " pixels");
        String data = m.dataset() == null ? "images of that size" : m.dataset() + " images";
        return Path.of(img.source()).getFileName() + " looks like " + what + ", but " + m.id() + " takes "
                + m.input().width() + "x" + m.input().height() + " grayscale input (it learnt from " + data
                + "): shrunk to that, the photo means little to it. Choose a photo model (see 'sieve models') or an"
                + " image like its training data.";
    }
}
