package org.sieve.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.network.Network;
import org.sieve.model.DecoderSet;

/**
 * Early stopping of decoder training: each layer's held-out error after every epoch (its learning
 * curve), and the weights of the epoch where it was lowest, which are the ones kept.
 */
final class BestDecoders {

    private final List<String> layers;
    private final List<List<Double>> curves = new ArrayList<>();
    private final Network[] best;
    private final double[] bestMse;
    private int stale;

    BestDecoders(List<String> layers) {
        this.layers = List.copyOf(layers);
        best = new Network[layers.size()];
        bestMse = new double[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            curves.add(new ArrayList<>());
            bestMse[l] = Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Records an epoch's decoders and held-out errors. The epoch is progress when some layer's
     * error fell by at least {@link DecoderTraining#MIN_IMPROVEMENT} of its best.
     */
    void offer(Map<String, Network> networks, double[] mse) {
        boolean improved = false;
        for (int l = 0; l < layers.size(); l++) {
            curves.get(l).add(mse[l]);
            improved |= mse[l] < (1 - DecoderTraining.MIN_IMPROVEMENT) * bestMse[l];
            if (mse[l] < bestMse[l]) {
                bestMse[l] = mse[l];
                best[l] = networks.get(layers.get(l));
            }
        }
        stale = improved ? 0 : stale + 1;
    }

    /** Consecutive epochs, up to the last one offered, that were no progress. */
    int epochsWithoutImprovement() {
        return stale;
    }

    /** Each layer's held-out error after the last epoch offered. */
    Map<String, Double> lastEpoch() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            List<Double> curve = curves.get(l);
            out.put(layers.get(l), curve.get(curve.size() - 1));
        }
        return out;
    }

    /** Each layer's best decoder, with its error and learning curve. */
    Map<String, DecoderSet.Decoder> decoders(int heldOutImages) {
        Map<String, DecoderSet.Decoder> out = new LinkedHashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            out.put(layers.get(l), new DecoderSet.Decoder(layers.get(l), best[l], bestMse[l], heldOutImages,
                    List.copyOf(curves.get(l))));
        }
        return out;
    }
}
