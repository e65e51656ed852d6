package org.sieve.metrics;

import java.util.List;
import java.util.Map;

/**
 * How far a layer quantity falls from one layer to a deeper one, over several images. A deeper
 * layer is computed from the shallower one, so it cannot hold more information about the input:
 * its entropy h̄ and reconstruction uncertainty r̄ should not fall with depth. Over every pair of
 * layers (shallower, deeper) this finds the largest fall of the mean over the images and the
 * largest fall on a single image; a rise counts as no fall.
 *
 * @param largestMeanFall     the pair whose mean over the images falls most
 * @param largestSingleFall   the pair and image with the largest fall on one image
 */
public record DepthFalls(Fall largestMeanFall, Fall largestSingleFall) {

    /** A fall of {@code nats} from layer {@code from} to the deeper layer {@code to}; image null for a mean. */
    public record Fall(String from, String to, String image, double nats) {
    }

    /**
     * @param layers the layers in depth order
     * @param values per image, the quantity per layer in the order of {@code layers}; NaN where a layer failed
     */
    public static DepthFalls of(List<String> layers, Map<String, double[]> values) {
        Fall mean = new Fall(null, null, null, 0);
        Fall single = new Fall(null, null, null, 0);
        for (int i = 0; i < layers.size(); i++) {
            for (int j = i + 1; j < layers.size(); j++) {
                double sum = 0;
                int n = 0;
                for (var image : values.entrySet()) {
                    double fall = image.getValue()[i] - image.getValue()[j];
                    if (Double.isNaN(fall)) {
                        continue;
                    }
                    sum += fall;
                    n++;
                    if (fall > single.nats()) {
                        single = new Fall(layers.get(i), layers.get(j), image.getKey(), fall);
                    }
                }
                if (n > 0 && sum / n > mean.nats()) {
                    mean = new Fall(layers.get(i), layers.get(j), null, sum / n);
                }
            }
        }
        return new DepthFalls(mean, single);
    }
}
