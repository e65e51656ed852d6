package org.sieve.network.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.sieve.network.Layer;
import org.sieve.network.Network;

/** Writes a network as a Keras 2 "Functional" model config, the form tfjs and Keras both read. */
final class KerasTopologyWriter {

    static final String KERAS_VERSION = "2.15.0";

    /** A fixed model name keeps the bytes, and so the model's hash, independent of where it is saved. */
    private static final String MODEL_NAME = "model";

    private KerasTopologyWriter() {
    }

    static JsonObject write(Network network) {
        JsonArray layers = new JsonArray();
        for (Layer layer : network.layers()) {
            JsonObject entry = KerasLayerWriter.write(layer);
            entry.addProperty("name", layer.name());
            JsonArray node = new JsonArray();
            for (String input : layer.inputs()) {
                JsonArray ref = ref(input);
                ref.add(new JsonObject());
                node.add(ref);
            }
            JsonArray nodes = new JsonArray();
            if (!node.isEmpty()) {
                nodes.add(node);
            }
            entry.add("inbound_nodes", nodes);
            layers.add(entry);
        }
        JsonObject config = new JsonObject();
        config.addProperty("name", MODEL_NAME);
        config.addProperty("trainable", true);
        config.add("layers", layers);
        config.add("input_layers", endpoint(network.input().name()));
        config.add("output_layers", endpoint(network.output().name()));
        JsonObject topology = new JsonObject();
        topology.addProperty("class_name", "Functional");
        topology.add("config", config);
        topology.addProperty("keras_version", KERAS_VERSION);
        topology.addProperty("backend", "tensorflow");
        return topology;
    }

    private static JsonArray endpoint(String layer) {
        JsonArray list = new JsonArray();
        list.add(ref(layer));
        return list;
    }

    /** [layer, node index, tensor index]: every Sieve layer is called once with one output. */
    private static JsonArray ref(String layer) {
        JsonArray ref = new JsonArray();
        ref.add(layer);
        ref.add(0);
        ref.add(0);
        return ref;
    }
}
