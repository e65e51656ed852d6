package org.sieve.cli;

import org.sieve.image.ResizeMode;
import picocli.CommandLine.Option;

/** {@code --crop}: how an image is brought to the model's input. */
final class FittingOption {

    @Option(names = "--crop", description = "Centre-crop the image to the model's aspect ratio instead of"
            + " stretching it.")
    boolean crop;

    ResizeMode mode() {
        return crop ? ResizeMode.CENTRE_CROP : ResizeMode.STRETCH;
    }
}
