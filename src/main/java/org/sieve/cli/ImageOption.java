package org.sieve.cli;

import java.nio.file.Path;
import org.sieve.image.ModelInput;
import org.sieve.image.PreparedImage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --image} with {@code --crop} and {@code --region}: the one photo a command feeds its model. */
final class ImageOption {

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "PNG, JPEG, BMP or GIF;"
            + " converted to the model's channels and resized to its input.")
    Path file;

    @Mixin
    FittingOption fitting;

    /** The image, ready for a model with {@code input}. */
    PreparedImage load(ModelInput input) {
        return fitting.load(file, input);
    }
}
