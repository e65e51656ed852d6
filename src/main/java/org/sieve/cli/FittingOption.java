package org.sieve.cli;

import java.nio.file.Path;
import org.sieve.image.ImageLoader;
import org.sieve.image.ModelInput;
import org.sieve.image.PreparedImage;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;
import picocli.CommandLine.Option;

/** {@code --crop} and {@code --region}: which part of an image reaches the model's input, and how. */
final class FittingOption {

    @Option(names = "--crop", description = "Centre-crop the image to the model's aspect ratio instead of"
            + " stretching it.")
    boolean crop;

    @Option(names = "--region", paramLabel = "x,y,w,h", description = "Only this rectangle of the image, in source"
            + " pixels from the top-left corner (e.g. a face: 150,20,180,180 on astronaut.png); it must lie inside the"
            + " image. Recorded in result.json's preprocessing.")
    String region;

    ResizeMode mode() {
        return crop ? ResizeMode.CENTRE_CROP : ResizeMode.STRETCH;
    }

    /** The parsed region, or null for the whole image; a malformed value is bad input (exit 3). */
    RequestedRegion region() {
        return region == null ? null : RequestedRegion.parse(region);
    }

    /** {@code file} decoded and brought to {@code input} as these options say. */
    PreparedImage load(Path file, ModelInput input) {
        return ImageLoader.load(file, input, mode(), region());
    }
}
