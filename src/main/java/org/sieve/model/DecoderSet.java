package org.sieve.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.network.Network;

/**
 * The decoders of metric 2 (METHOD.md section 3) for one model, as read from the model's decoder
 * index (network.format's {@code DecoderIndex}): one network per layer with its reconstruction error
 * on held-out images.
 *
 * @param modelId     the model as the command line names it, for messages
 * @param dataset     the model's dataset, or null, for messages
 * @param modelSha256 the hash of the model weights the decoders read features of
 * @param sha256      identity of the whole set, for cache keys: the index's fingerprint
 */
public record DecoderSet(String modelId, String dataset, Map<String, Decoder> decoders, String modelSha256,
        String sha256) {

    /**
     * One layer's decoder and its mean squared error per pixel on held-out images.
     *
     * @param heldOutMseByEpoch the error after each epoch of its training (empty where not recorded)
     */
    public record Decoder(String layer, Network network, double heldOutMse, int heldOutImages,
            List<Double> heldOutMseByEpoch) {

        public Decoder {
            heldOutMseByEpoch = List.copyOf(heldOutMseByEpoch);
        }
    }

    public DecoderSet {
        decoders = Map.copyOf(decoders);
    }

    /** Each layer's decoder network, as the engine takes them. */
    public Map<String, Network> networks() {
        Map<String, Network> out = new LinkedHashMap<>();
        decoders.forEach((layer, d) -> out.put(layer, d.network()));
        return out;
    }

    /**
     * The decoder of each layer, in the order given.
     *
     * @throws SieveException naming the layers without a decoder and how to train them
     */
    public List<Decoder> forLayers(List<String> layers) {
        requireAll(modelId, dataset, layers, decoders.keySet());
        return layers.stream().map(decoders::get).toList();
    }

    /**
     * Checks that every one of {@code layers} is among the {@code trained} ones.
     *
     * @throws SieveException naming the layers without a decoder and how to train them
     */
    public static void requireAll(String modelId, String dataset, List<String> layers, Set<String> trained) {
        List<String> missing = layers.stream().filter(l -> !trained.contains(l)).toList();
        if (!missing.isEmpty()) {
            throw new SieveException("Model '" + modelId + "' has no decoder for layer(s) "
                    + String.join(", ", missing) + " (decoders exist for " + String.join(", ", trained)
                    + "). " + howToTrain(modelId, dataset, missing));
        }
    }

    /**
     * How to train the decoders of {@code layers} (all when null): on the model's own data set where
     * Sieve has it offline, else on a folder of the user's images.
     */
    public static String howToTrain(String modelId, String dataset, List<String> layers) {
        String only = layers == null ? "" : " --layers " + String.join(",", layers);
        if (!KnownDatasets.known(dataset)) {
            return (dataset == null ? "The model names no training data Sieve has"
                    : "Its training data (" + dataset + ") is not available offline") + "; train decoders on a"
                    + " folder of your own images (a few hundred photos like the ones you analyse; at least 10):"
                    + " sieve train-decoders --model " + modelId + " --images DIR" + only + ".";
        }
        return "Train them with: sieve train-decoders --model " + modelId + " --dataset " + dataset + only
                + " (a folder of your own images works too: --images DIR).";
    }
}
