package org.sieve.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sieve.SieveException;

/**
 * A CNN as a DAG of layers in topological order, starting with its single input, plus its
 * weights keyed {@code layer/weight}. Immutable; knows nothing of entropy or files.
 */
public final class Network {

    private final List<Layer> layers;
    private final Map<String, Layer> byName = new LinkedHashMap<>();
    private final Map<String, WeightTensor> weights;

    public Network(List<Layer> layers, Map<String, WeightTensor> weights) {
        this.layers = List.copyOf(layers);
        this.weights = Map.copyOf(weights);
        if (layers.isEmpty() || !(layers.get(0) instanceof InputLayer)) {
            throw new SieveException("A network must start with its input layer.");
        }
        for (Layer layer : layers) {
            for (String in : layer.inputs()) {
                if (!byName.containsKey(in)) {
                    throw new SieveException("Layer '" + layer.name() + "' reads from '" + in
                            + "', which is not defined before it.");
                }
            }
            if (layer instanceof InputLayer && !byName.isEmpty()) {
                throw new SieveException("Layer '" + layer.name() + "' is a second input; Sieve analyses"
                        + " single-input networks.");
            }
            if (byName.put(layer.name(), layer) != null) {
                throw new SieveException("Two layers are named '" + layer.name() + "'.");
            }
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    public InputLayer input() {
        return (InputLayer) layers.get(0);
    }

    public Layer output() {
        return layers.get(layers.size() - 1);
    }

    public Map<String, WeightTensor> weights() {
        return weights;
    }

    /** The layers that can be analysed: every layer but the input, in network order. */
    public List<Layer> analysableLayers() {
        return layers.subList(1, layers.size());
    }

    public Layer layer(String name) {
        Layer layer = byName.get(name);
        if (layer == null || layer instanceof InputLayer) {
            throw new SieveException("No layer named '" + name + "'. Valid layers: "
                    + String.join(", ", analysableLayers().stream().map(Layer::name).toList()) + ".");
        }
        return layer;
    }

    /** The named layers without duplicates, in network order; an unknown name fails listing the valid ones. */
    public List<String> inOrder(Collection<String> names) {
        return new LinkedHashSet<>(names).stream().map(this::layer)
                .sorted(Comparator.comparingInt(layers::indexOf)).map(Layer::name).toList();
    }

    /** The given layers with everything they depend on, in network order. */
    public List<Layer> ancestorsOf(Collection<String> names) {
        Set<String> needed = new HashSet<>();
        List<String> stack = new ArrayList<>(names);
        while (!stack.isEmpty()) {
            String n = stack.remove(stack.size() - 1);
            if (needed.add(n)) {
                stack.addAll(byName.get(n).inputs());
            }
        }
        return layers.stream().filter(l -> needed.contains(l.name())).toList();
    }

    /**
     * The sub-network that computes {@code layer}: that layer becomes the output, everything it does not
     * depend on (a classifier's head, say) goes, with its weights.
     */
    public Network upTo(String layer) {
        List<Layer> kept = ancestorsOf(List.of(layer(layer).name()));
        Set<String> names = new HashSet<>(kept.stream().map(Layer::name).toList());
        Map<String, WeightTensor> keptWeights = new LinkedHashMap<>();
        weights.forEach((key, w) -> {
            if (names.contains(key.substring(0, key.lastIndexOf('/')))) {
                keptWeights.put(key, w);
            }
        });
        return new Network(kept, keptWeights);
    }

    public long parameterCount() {
        return weights.values().stream().mapToLong(WeightTensor::size).sum();
    }
}
