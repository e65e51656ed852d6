package org.sieve.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What an executor sends back for one image: its result.json (already written into the image's
 * folder) or why it has none, with the warnings met on the way.
 *
 * @param result  the text of result.json, or null when the image was skipped
 * @param skipped why the image has no result, or null
 */
record ImageOutcome(String image, String result, String skipped, double engineSeconds, double optimisationSeconds,
        List<String> warnings) implements Serializable {

    static ImageOutcome skipped(String image, String reason, List<String> warnings) {
        return new ImageOutcome(image, null, reason, 0, 0, List.copyOf(warnings));
    }
}
