package org.sieve.ui.model;

import java.util.List;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;

/** A model read from disk with its layers listed, ready for the pickers. */
public record LoadedModel(Model model, List<LayerInfo> layers) {

    public LoadedModel {
        layers = List.copyOf(layers);
    }

    public static LoadedModel of(Model model) {
        return new LoadedModel(model, LayerInfo.of(model.network()));
    }

    public ModelMetadata metadata() {
        return model.metadata();
    }

    public String id() {
        return model.id();
    }

    /** Display name, e.g. "LeNet-5 (MNIST)". */
    public String name() {
        String n = model.metadata().name();
        return n == null || n.isBlank() ? model.id() : n;
    }

    /** Models of handwritten digits get the drawing pad. */
    public boolean digits() {
        String dataset = model.metadata().dataset();
        return dataset != null && dataset.toLowerCase(java.util.Locale.ROOT).contains("mnist")
                && !dataset.toLowerCase(java.util.Locale.ROOT).contains("fashion");
    }

    /** Names in network order, keeping only those this model has. */
    public List<String> inNetworkOrder(java.util.Collection<String> names) {
        return layers.stream().map(LayerInfo::name).filter(names::contains).toList();
    }
}
