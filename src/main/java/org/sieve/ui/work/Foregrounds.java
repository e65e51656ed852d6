package org.sieve.ui.work;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.sieve.SieveException;
import org.sieve.image.ForegroundMask;
import org.sieve.image.PreparedImage;
import org.sieve.ui.model.MaskSpec;

/**
 * Turns the user's foreground choice into a {@link ForegroundMask} on a model's input. A brush
 * mask goes through a temporary mask image, because ForegroundMask is built from files, rectangles
 * or the image itself; the mask image is scaled exactly like the image, as the command line does.
 */
public final class Foregrounds {

    private Foregrounds() {
    }

    /** @return the mask, or null for {@link MaskSpec.None} */
    public static ForegroundMask derive(MaskSpec spec, PreparedImage image) {
        if (spec instanceof MaskSpec.Auto) {
            return ForegroundMask.auto(image);
        }
        if (spec instanceof MaskSpec.Rectangle r) {
            return ForegroundMask.rectangle(r.spec(), image);
        }
        if (spec instanceof MaskSpec.Brush b) {
            return fromPaint(b, image);
        }
        return null;
    }

    private static ForegroundMask fromPaint(MaskSpec.Brush brush, PreparedImage image) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("sieve-brush-", ".png");
            ImageIO.write(brush.paint(), "png", tmp.toFile());
            return ForegroundMask.fromMaskImage(tmp, image);
        } catch (IOException e) {
            throw new SieveException("Cannot use the painted foreground: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A stray file in the temporary folder is harmless.
                }
            }
        }
    }
}
