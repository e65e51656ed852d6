package org.sieve.network.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.io.JsonValues;
import org.sieve.model.Model;
import org.sieve.network.Layer;
import org.sieve.network.format.common.MetadataCheck;

/**
 * Reads a Keras model config (Functional, Model or Sequential; Keras 2 or 3 node syntax) into
 * layers in topological order, keeping only what the single output depends on.
 */
final class KerasTopologyReader {

    /**
     * Where a layer sits in the file: the nested models around it (outermost first) and its
     * Keras 3 saving path, under which model.weights.h5 keeps its variables.
     */
    record Origin(List<String> scope, String savePath) {
    }

    /** The layers in topological order, each with its origin by layer name. */
    record Topology(List<Layer> layers, Map<String, Origin> origins) {
    }

    /** One layer as written in the config, before conversion. */
    private record Entry(String className, String name, JsonObject config, List<String> inputs, Origin origin) {
    }

    /** One (possibly nested) model's layers, with the names of its input and output layers. */
    private record Graph(List<Entry> entries, String input, String output) {
    }

    private final String model;
    /** A nested model's name to its output layer, and its input layer to the layer feeding the nested model. */
    private final Map<String, String> aliases = new HashMap<>();

    private KerasTopologyReader(String model) {
        this.model = model;
    }

    /** @param model the model folder, for messages */
    static List<Layer> read(JsonObject modelConfig, String model) {
        return topology(modelConfig, model).layers();
    }

    /** As {@link #read}, keeping where each layer came from (for reading Keras weight files). */
    static Topology topology(JsonObject modelConfig, String model) {
        return new KerasTopologyReader(model).read(modelConfig);
    }

    private Topology read(JsonObject modelConfig) {
        String className = text(modelConfig, "class_name");
        if (!KerasLayerReader.NESTED_MODELS.contains(className)) {
            throw new SieveException("Model " + model + ": model.json describes a '" + className
                    + "' model; Sieve reads Keras Functional, Model and Sequential models.");
        }
        Graph graph = graph(className, modelConfig.get("config"), List.of(), "", "input");
        List<Entry> entries = new ArrayList<>();
        for (Entry e : graph.entries()) {
            entries.add(new Entry(e.className(), e.name(), e.config(),
                    e.inputs().stream().map(this::unalias).toList(), e.origin()));
        }
        List<Layer> layers = new ArrayList<>();
        Map<String, Origin> origins = new HashMap<>();
        for (Entry e : ordered(entries, unalias(graph.output()))) {
            layers.add(convert(e));
            origins.put(e.name(), e.origin());
        }
        return new Topology(layers, origins);
    }

    private String unalias(String name) {
        String n = name;
        for (int hops = 0; aliases.containsKey(n) && hops <= aliases.size(); hops++) {
            n = aliases.get(n);
        }
        return n;
    }

    private Graph graph(String className, JsonElement config, List<String> scope, String savePath, String inputName) {
        return className.equals("Sequential") ? sequential(config, scope, savePath, inputName)
                : functional(object(config, "config of the model"), scope, savePath);
    }

    private Layer convert(Entry e) {
        if (e.name().isEmpty() || e.name().chars().anyMatch(Character::isISOControl)) {
            throw structure("names a layer " + MetadataCheck.quoted(e.name()) + "; a layer name must be non-empty"
                    + " and hold no control characters");
        }
        return KerasLayerReader.read(e.className(), new KerasConfig(e.config(), model, e.name(), e.className()),
                e.inputs(), model);
    }

    private Graph functional(JsonObject config, List<String> scope, String savePath) {
        List<Entry> entries = new ArrayList<>();
        SaveNames names = new SaveNames(savePath);
        for (JsonElement element : array(config.get("layers"), "'layers' list")) {
            JsonObject layer = object(element, "layer entry");
            JsonObject layerConfig = layer.has("config") ? object(layer.get("config"), "layer config") : new JsonObject();
            String name = layer.has("name") ? text(layer, "name") : text(layerConfig, "name");
            String className = text(layer, "class_name");
            add(entries, layer, className, name, inbound(layer.get("inbound_nodes"), name), scope, names.next(className));
        }
        return new Graph(entries, endpoint(config.get("input_layers"), "inputs"),
                endpoint(config.get("output_layers"), "outputs"));
    }

    /**
     * Adds one layer, or the layers of a nested model in its place: the nested model's input
     * stands for the layer feeding it, and its name for its output layer.
     */
    private void add(List<Entry> entries, JsonObject layer, String className, String name, List<String> inputs,
                     List<String> scope, String savePath) {
        KerasLayerReader.checkAllowed(className, layer, name, model);
        if (!KerasLayerReader.NESTED_MODELS.contains(className)) {
            entries.add(new Entry(className, name, layer.has("config") ? object(layer.get("config"), "layer config")
                    : new JsonObject(), inputs, new Origin(scope, savePath)));
            return;
        }
        if (inputs.size() != 1) {
            throw new SieveException("Model " + model + ": nested model '" + name + "' has " + inputs.size()
                    + " inputs " + inputs + "; Sieve reads nested models called once on one input.");
        }
        List<String> inner = new ArrayList<>(scope);
        inner.add(name);
        Graph nested = graph(className, layer.get("config"), List.copyOf(inner), savePath + "/", name + ":input");
        for (Entry e : nested.entries()) {
            if (!(e.name().equals(nested.input()) && e.className().equals("InputLayer"))) {
                entries.add(e);
            }
        }
        aliases.put(nested.input(), inputs.get(0));
        aliases.put(name, nested.output());
    }

    /** Sequential layers are chained in order; the input comes from the first layer's declared shape. */
    private Graph sequential(JsonElement config, List<String> scope, String savePath, String inputName) {
        JsonArray layers = config != null && config.isJsonArray() ? config.getAsJsonArray()
                : array(object(config, "config of the model").get("layers"), "'layers' list");
        List<Entry> entries = new ArrayList<>();
        SaveNames names = new SaveNames(savePath);
        String previous = null;
        String input = null;
        for (JsonElement element : layers) {
            JsonObject layer = object(element, "layer entry");
            JsonObject layerConfig = layer.has("config") ? object(layer.get("config"), "layer config") : new JsonObject();
            String className = text(layer, "class_name");
            if (previous == null && !className.equals("InputLayer")) {
                entries.add(new Entry("InputLayer", inputName, sequentialInput(config, layerConfig), List.of(),
                        new Origin(scope, savePath + "layers/input_layer")));
                previous = inputName;
                input = inputName;
            }
            String name = text(layerConfig, "name");
            add(entries, layer, className, name, previous == null ? List.of() : List.of(previous), scope,
                    names.next(className));
            input = input == null ? name : input;
            previous = name;
        }
        if (entries.isEmpty()) {
            throw structure("has a Sequential model without layers");
        }
        return new Graph(entries, input, previous);
    }

    private JsonObject sequentialInput(JsonElement modelConfig, JsonObject firstLayer) {
        JsonElement shape = firstLayer.get("batch_input_shape");
        if (shape == null) {
            shape = firstLayer.get("batch_shape");
        }
        if (shape == null && modelConfig.isJsonObject()) {
            shape = modelConfig.getAsJsonObject().get("build_input_shape");
        }
        if (shape == null || shape.isJsonNull()) {
            throw new SieveException("Model " + model + ": the Sequential model does not declare its input shape"
                    + " (batch_input_shape on its first layer). Build the model with an input shape and export it again.");
        }
        JsonObject input = new JsonObject();
        input.add("batch_input_shape", shape);
        return input;
    }

    /** Names of the layers feeding one layer, from Keras 2 lists or Keras 3 "__keras_tensor__" args. */
    private List<String> inbound(JsonElement nodes, String layer) {
        if (nodes == null || nodes.isJsonNull()) {
            return List.of();
        }
        JsonArray calls = array(nodes, "inbound_nodes of layer '" + layer + "'");
        if (calls.size() > 1) {
            throw new SieveException("Model " + model + ": layer '" + layer + "' is called " + calls.size()
                    + " times (a shared layer); Sieve supports layers that are called once.");
        }
        List<String> names = new ArrayList<>();
        if (calls.size() == 1 && calls.get(0).isJsonArray()) {
            for (JsonElement tensor : calls.get(0).getAsJsonArray()) {
                history(array(tensor, "inbound node of layer '" + layer + "'"), layer, names);
            }
        } else if (calls.size() == 1) {
            kerasTensors(object(calls.get(0), "inbound node of layer '" + layer + "'").get("args"), layer, names);
        }
        return names;
    }

    private void kerasTensors(JsonElement args, String layer, List<String> names) {
        if (args == null || args.isJsonPrimitive() || args.isJsonNull()) {
            return;
        }
        if (args.isJsonArray()) {
            for (JsonElement e : args.getAsJsonArray()) {
                kerasTensors(e, layer, names);
            }
            return;
        }
        JsonElement config = args.getAsJsonObject().get("config");
        if (config != null && config.isJsonObject() && config.getAsJsonObject().has("keras_history")) {
            history(array(config.getAsJsonObject().get("keras_history"), "keras_history of layer '" + layer + "'"),
                    layer, names);
        }
    }

    /** [layer, node index, tensor index]: Sieve's layers are called once and have one output. */
    private void history(JsonArray ref, String layer, List<String> names) {
        boolean readable = ref.size() >= 3;
        for (int i = 0; readable && i < 3; i++) {
            readable = ref.get(i).isJsonPrimitive() && (i == 0 || ref.get(i).getAsJsonPrimitive().isNumber());
        }
        if (!readable) {
            throw structure("has an unreadable input reference " + ref + " in layer '" + layer + "'");
        }
        if (ref.get(1).getAsInt() != 0 || ref.get(2).getAsInt() != 0) {
            throw new SieveException("Model " + model + ": layer '" + layer + "' reads " + ref
                    + " (a shared layer or one with several outputs); Sieve supports layers called once with one output.");
        }
        names.add(ref.get(0).getAsString());
    }

    /** The single input or output layer: [[name, 0, 0]] or, in Keras 3, [name, 0, 0]. */
    private String endpoint(JsonElement refs, String what) {
        JsonArray list = array(refs, "'" + what + "' list");
        List<String> names = new ArrayList<>();
        if (!list.isEmpty() && list.get(0).isJsonPrimitive()) {
            names.add(list.get(0).getAsString());
        } else {
            for (JsonElement ref : list) {
                JsonArray entry = array(ref, "entry of the " + what + " list");
                names.add(JsonValues.text(entry.isEmpty() ? null : entry.get(0)).orElseThrow(() -> structure(
                        "has an entry " + ref + " in its " + what + " list that names no layer")));
            }
        }
        if (names.size() != 1) {
            throw new SieveException("Model " + model + ": the model has " + names.size() + " " + what + " " + names
                    + "; Sieve analyses networks with one input and one output.");
        }
        return names.get(0);
    }

    /**
     * The output's ancestors in file order where possible, moving a layer later only when it
     * would otherwise come before one of its inputs.
     */
    private List<Entry> ordered(List<Entry> entries, String output) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (byName.put(e.name(), e) != null) {
                throw structure("names two layers '" + e.name() + "'");
            }
        }
        for (Entry e : entries) {
            for (String in : e.inputs()) {
                if (!byName.containsKey(in)) {
                    throw new SieveException("Model " + model + ": layer '" + e.name() + "' takes input from '" + in
                            + "', which is not a layer in model.json. The file is damaged; export the model again.");
                }
            }
        }
        if (!byName.containsKey(output)) {
            throw structure("names output layer '" + output + "', which is not among its layers");
        }
        Set<String> needed = new HashSet<>();
        List<String> stack = new ArrayList<>(List.of(output));
        while (!stack.isEmpty()) {
            String n = stack.remove(stack.size() - 1);
            if (needed.add(n)) {
                stack.addAll(byName.get(n).inputs());
            }
        }
        // A layer the output does not need is still read, so that a Lambda (code) or an unsupported
        // layer is refused wherever it sits in the file.
        entries.stream().filter(e -> !needed.contains(e.name())).forEach(this::convert);
        List<Entry> pending = new ArrayList<>(entries.stream().filter(e -> needed.contains(e.name())).toList());
        List<Entry> done = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (var it = pending.iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (placed.containsAll(e.inputs())) {
                    done.add(e);
                    placed.add(e.name());
                    it.remove();
                }
            }
            if (pending.size() == before) {
                throw structure("has layers that feed each other in a cycle: "
                        + pending.stream().map(Entry::name).toList());
            }
        }
        return done;
    }

    private String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw structure("has an entry without '" + key + "'");
        }
        return e.getAsString();
    }

    private JsonObject object(JsonElement e, String what) {
        if (e == null || !e.isJsonObject()) {
            throw structure("has no readable " + what);
        }
        return e.getAsJsonObject();
    }

    private JsonArray array(JsonElement e, String what) {
        if (e == null || !e.isJsonArray()) {
            throw structure("has no readable " + what);
        }
        return e.getAsJsonArray();
    }

    /** Keras 3 saves a container's layers under their class name in snake case, numbering repeats: conv2d, conv2d_1. */
    private static final class SaveNames {

        private final String prefix;
        private final Map<String, Integer> used = new HashMap<>();

        SaveNames(String prefix) {
            this.prefix = prefix;
        }

        String next(String className) {
            String base = className.replaceAll("\\W+", "").replaceAll("(.)([A-Z][a-z]+)", "$1_$2")
                    .replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            int count = used.merge(base, 1, Integer::sum);
            return prefix + "layers/" + (count == 1 ? base : base + "_" + (count - 1));
        }
    }

    private SieveException structure(String what) {
        return new SieveException("Model " + model + ": model.json " + what
                + ". The file is damaged or not a Keras model; export the model again.");
    }
}
