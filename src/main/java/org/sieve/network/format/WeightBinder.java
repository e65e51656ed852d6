package org.sieve.network.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.network.Layer;
import org.sieve.network.WeightTensor;

/**
 * Gives each layer its weights from the manifest. Converters name weights loosely
 * ("model/conv1/kernel:0"), so a weight is found by its "layer/weight" suffix.
 */
final class WeightBinder {

    private final String model;
    private final Map<String, WeightTensor> stored;
    /** Manifest names without the ":0" suffix, to the names as stored. */
    private final Map<String, String> plainNames = new HashMap<>();

    private WeightBinder(Map<String, WeightTensor> stored, String model) {
        this.stored = stored;
        this.model = model;
        for (String name : stored.keySet()) {
            plainNames.put(name.replaceFirst(":\\d+$", ""), name);
        }
    }

    /** @return the weights the layers use, keyed "layer/weight" */
    static Map<String, WeightTensor> bind(List<Layer> layers, Map<String, WeightTensor> stored, String model) {
        WeightBinder binder = new WeightBinder(stored, model);
        Map<String, WeightTensor> weights = new HashMap<>();
        for (Layer layer : layers) {
            long channels = -1;
            for (String weight : LayerWeights.names(layer)) {
                String key = layer.name() + "/" + weight;
                WeightTensor w = binder.vectorIfPerChannel(layer, binder.find(layer, key));
                binder.checkShape(layer, key, w, LayerWeights.shape(layer, weight));
                if (LayerWeights.perChannel(layer) && channels >= 0 && w.size() != channels) {
                    throw binder.mismatch(key, w, layer, "as many values as its other weights (" + channels + ")");
                }
                channels = w.size();
                weights.put(key, w);
            }
        }
        return weights;
    }

    private WeightTensor find(Layer layer, String key) {
        if (plainNames.containsKey(key)) {
            return stored.get(plainNames.get(key));
        }
        List<String> matches = new ArrayList<>();
        for (Map.Entry<String, String> e : plainNames.entrySet()) {
            if (e.getKey().endsWith("/" + key)) {
                matches.add(e.getValue());
            }
        }
        if (matches.size() == 1) {
            return stored.get(matches.get(0));
        }
        if (matches.isEmpty()) {
            throw new SieveException("Model " + model + ": layer '" + layer.name() + "' (" + layer.kind()
                    + ") needs weight '" + key + "', but model.json's weightsManifest has no such weight."
                    + " The weights do not match the topology; export the model again.");
        }
        throw new SieveException("Model " + model + ": weight '" + key + "' of layer '" + layer.name()
                + "' matches several manifest entries " + matches + "; Sieve cannot tell which is meant."
                + " Export the model without nested models.");
    }

    /** Keras sometimes stores per-channel statistics broadcastable, e.g. [1, 1, 1, C]. */
    private WeightTensor vectorIfPerChannel(Layer layer, WeightTensor w) {
        long[] s = w.shape();
        boolean leadingOnes = Arrays.stream(s, 0, Math.max(0, s.length - 1)).allMatch(d -> d == 1);
        if (LayerWeights.perChannel(layer) && s.length > 1 && leadingOnes) {
            return new WeightTensor(new long[] {s[s.length - 1]}, w.values());
        }
        return w;
    }

    private void checkShape(Layer layer, String key, WeightTensor w, long[] expected) {
        boolean ok = w.shape().length == expected.length;
        for (int i = 0; ok && i < expected.length; i++) {
            ok = expected[i] == LayerWeights.ANY || expected[i] == w.shape()[i];
        }
        if (!ok) {
            String wanted = Arrays.toString(Arrays.stream(expected)
                    .mapToObj(d -> d == LayerWeights.ANY ? "?" : String.valueOf(d)).toArray());
            throw mismatch(key, w, layer, "shape " + wanted);
        }
    }

    private SieveException mismatch(String key, WeightTensor w, Layer layer, String needed) {
        return new SieveException("Model " + model + ": weight '" + key + "' has shape " + Arrays.toString(w.shape())
                + " but layer '" + layer.name() + "' (" + layer.kind() + ") needs " + needed
                + ". The weights do not match the topology; export the model again.");
    }
}
