package org.sieve.network.format.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.network.BuildContext;
import org.sieve.network.GraphBuilder;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.Shapes;
import org.sieve.network.WeightInit;
import org.sieve.network.WeightTensor;
import org.sieve.tf.TensorFlowRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Collects the layers an importer translates from an op graph, in order, with their weights.
 * Each layer is built into a scratch graph as it is added (weights as zeros), so the importer
 * reads every output's shape off TensorFlow rather than repeating its shape rules, and a weight
 * whose shape does not fit its layer is caught while reading.
 */
public final class NetworkAssembly implements AutoCloseable {

    private final String file;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, WeightTensor> weights = new HashMap<>();
    private final Map<String, Operand<TFloat32>> outputs = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final Graph graph;
    private final Ops tf;
    private Map<String, WeightTensor> adding = Map.of();

    public NetworkAssembly(String file, InputLayer input) {
        this.file = file;
        this.graph = TensorFlowRuntime.get().newGraph();
        this.tf = Ops.create(graph);
        names.add(input.name());
        layers.add(input);
        outputs.put(input.name(), tf.placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(1, input.height(), input.width(), input.channels()))));
    }

    /**
     * A layer name from a graph node's name: scopes joined by dots, a scope dropped where the next
     * repeats it (PyTorch's "/layer1/layer1.0/conv1/Conv" becomes "layer1.0.conv1.Conv"), and a
     * name already taken gets a numbered suffix.
     */
    public String name(String node, String fallback) {
        List<String> scopes = new ArrayList<>(Arrays.asList(node.replace(':', '_').split("/+")));
        scopes.removeIf(String::isEmpty);
        for (int i = scopes.size() - 2; i >= 0; i--) {
            if (scopes.get(i + 1).startsWith(scopes.get(i) + ".")) {
                scopes.remove(i);
            }
        }
        String base = String.join(".", scopes);
        if (base.isEmpty()) {
            base = fallback;
        }
        String name = base;
        for (int i = 2; names.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** Adds a layer with its weights (keyed by weight name, without the layer's name). */
    public void add(Layer layer, Map<String, WeightTensor> layerWeights) {
        if (!names.add(layer.name())) {
            throw new IllegalArgumentException("layer name taken: " + layer.name());
        }
        List<Operand<TFloat32>> in = new ArrayList<>();
        for (String input : layer.inputs()) {
            in.add(outputs.get(input));
        }
        adding = layerWeights;
        try {
            outputs.put(layer.name(), GraphBuilder.built(layer, probe, in));
        } catch (SieveException e) {
            throw new SieveException("Model " + file + ": " + e.getMessage(), e);
        }
        layerWeights.forEach((w, t) -> weights.put(layer.name() + "/" + w, t));
        layers.add(layer);
    }

    /** The layer's output shape without the batch axis. */
    public long[] shape(String layer) {
        return Shapes.perExample(outputs.get(layer));
    }

    /** The network that computes {@code output}: layers it does not need are left out. */
    public Network network(String output) {
        Network all = new Network(layers, weights);
        Map<String, WeightTensor> used = new LinkedHashMap<>();
        List<Layer> needed = all.ancestorsOf(List.of(output));
        for (Layer l : needed) {
            weights.forEach((k, v) -> {
                if (k.startsWith(l.name() + "/") && k.indexOf('/', l.name().length() + 1) < 0) {
                    used.put(k, v);
                }
            });
        }
        return new Network(needed, used);
    }

    @Override
    public void close() {
        graph.close();
    }

    private final BuildContext probe = new BuildContext() {
        @Override
        public Ops tf() {
            return tf;
        }

        @Override
        public Operand<TFloat32> weight(String layer, String name, long[] shape, WeightInit init) {
            WeightTensor w = adding.get(name);
            if (w == null || !Arrays.equals(w.shape(), shape)) {
                throw new SieveException("Model " + file + ": layer '" + layer + "' needs weight '" + name
                        + "' of shape " + Arrays.toString(shape) + " but the file gives "
                        + (w == null ? "none" : Arrays.toString(w.shape()))
                        + ". The file is damaged or uses a layout Sieve does not know; export the model again.");
            }
            // A scalar's shape is an empty vector, which TensorFlow Java cannot make a constant of.
            return shape.length == 0 ? tf.constant(0f) : tf.zeros(tf.constant(shape), TFloat32.class);
        }
    };
}
