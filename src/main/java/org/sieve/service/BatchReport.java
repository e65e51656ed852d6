package org.sieve.service;

import org.sieve.metrics.DepthFalls;

import java.util.List;

/**
 * What a batch did.
 *
 * @param images              images found (after --limit)
 * @param analysed            images with a result, including those finished by an earlier run
 * @param resumed             of those, finished by an earlier run
 * @param skipped             images without a result, and why
 * @param failedLayers        layer results that failed, over all analysed images
 * @param seconds             wall time of this run's analyses
 * @param engineSeconds       of that, time in the engine (summed over images)
 * @param optimisationSeconds of that, the sigma optimisation steps
 */
public record BatchReport(int images, int analysed, int resumed, List<Skipped> skipped, int failedLayers,
        double seconds, double engineSeconds, double optimisationSeconds, DepthFalls falls) {

    /** An image the batch could not analyse. */
    public record Skipped(String image, String reason) {
    }

    public BatchReport {
        skipped = List.copyOf(skipped);
    }

    /** Images analysed by this run. */
    public int computed() {
        return analysed - resumed;
    }
}
