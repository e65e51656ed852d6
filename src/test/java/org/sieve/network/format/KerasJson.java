package org.sieve.network.format;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Builds small Keras 2 functional model.json texts for tests. */
final class KerasJson {

    private KerasJson() {
    }

    /** A layer entry; {@code config} is the inside of the config object without the name. */
    static String layer(String className, String name, String config, String... inputs) {
        String nodes = inputs.length == 0 ? "[]"
                : "[[" + Arrays.stream(inputs).map(i -> "[\"" + i + "\", 0, 0, {}]").collect(Collectors.joining(", ")) + "]]";
        return "{\"class_name\": \"" + className + "\", \"name\": \"" + name + "\", \"config\": {\"name\": \"" + name
                + "\"" + (config.isEmpty() ? "" : ", " + config) + "}, \"inbound_nodes\": " + nodes + "}";
    }

    /** A functional model.json from the first layer (its input) to the last (its output), without weights. */
    static String functional(String... layers) {
        String first = name(layers[0]);
        String last = name(layers[layers.length - 1]);
        return "{\"format\": \"layers-model\", \"modelTopology\": {\"class_name\": \"Functional\", \"config\": {"
                + "\"name\": \"m\", \"layers\": [" + String.join(",\n", layers) + "], \"input_layers\": [[\"" + first
                + "\", 0, 0]], \"output_layers\": [[\"" + last + "\", 0, 0]]}}, \"weightsManifest\": []}";
    }

    private static String name(String layer) {
        int at = layer.indexOf("\"name\": \"") + 9;
        return layer.substring(at, layer.indexOf('"', at));
    }
}
