package org.sieve.cli;

import org.sieve.image.RequestedRegion;
import picocli.CommandLine.Option;

/** {@code --region x,y,w,h}: analyse only that part of a photo. */
final class RegionOption {

    @Option(names = "--region", paramLabel = "x,y,w,h", description = "Only this rectangle of the image, in source"
            + " pixels from the top-left corner (e.g. a face: 150,20,180,180 on astronaut.png); it must lie inside the"
            + " image. Recorded in result.json's preprocessing.")
    String region;

    /** The parsed region, or null for the whole image; a malformed value is bad input (exit 3). */
    RequestedRegion region() {
        return region == null ? null : RequestedRegion.parse(region);
    }
}
