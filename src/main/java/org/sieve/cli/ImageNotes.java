package org.sieve.cli;

import java.io.PrintStream;
import org.sieve.analysis.ImageFit;
import org.sieve.image.ForegroundChoice;
import org.sieve.image.PreparedImage;
import org.sieve.model.ModelMetadata;

/** What a command says on standard error about an image that does not suit the model or the foreground. */
final class ImageNotes {

    private ImageNotes() {
    }

    static void print(ModelMetadata model, PreparedImage image, ForegroundChoice foreground, PrintStream err) {
        String warning = ImageFit.warning(model, image);
        if (warning != null) {
            err.println("warning: " + warning);
        }
        String note = foreground == null ? null : foreground.note(image);
        if (note != null) {
            err.println("note: " + note);
        }
    }
}
