package org.sieve.network.format;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.WeightTensor;

/**
 * A Keras file's topology plus where its weights are: shared by the .keras and .h5 readers,
 * which differ only in how they find one layer's stored tensors.
 */
abstract class KerasWeightSource {

    final String model;

    KerasWeightSource(String model) {
        this.model = model;
    }

    /** The layer's tensors in Keras' own order (that of {@link LayerWeights#names}). */
    abstract List<WeightTensor> tensors(Layer layer, KerasTopologyReader.Origin origin, List<String> names);

    /** Reads the network from the Keras model config, binding each layer's weights. */
    Network network(JsonObject modelConfig) {
        KerasTopologyReader.Topology topology = KerasTopologyReader.topology(modelConfig, model);
        Map<String, WeightTensor> stored = new HashMap<>();
        for (Layer layer : topology.layers()) {
            List<String> names = LayerWeights.names(layer);
            if (names.isEmpty()) {
                continue;
            }
            List<WeightTensor> tensors = tensors(layer, topology.origins().get(layer.name()), names);
            for (int i = 0; i < names.size(); i++) {
                stored.put(layer.name() + "/" + names.get(i), tensors.get(i));
            }
        }
        return new Network(topology.layers(), WeightBinder.bind(topology.layers(), stored, model));
    }

    SieveException missing(Layer layer, int found, List<String> names, String where) {
        return new SieveException("Model " + model + ": layer '" + layer.name() + "' (" + layer.kind() + ") needs "
                + names.size() + " weights " + names + " but the file holds " + found + " at '" + where
                + "'. The weights do not match the architecture; save the model again.");
    }

    JsonObject parse(String json, String what) {
        try {
            JsonElement root = JsonParser.parseString(json);
            if (root.isJsonObject()) {
                return root.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // reported below, naming the file
        }
        throw new SieveException("Model " + model + ": " + what + " is not a JSON object. The file is damaged;"
                + " save the model again.");
    }
}
