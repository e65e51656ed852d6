package org.sieve.network.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.WeightTensor;

/**
 * Keras 2's whole-model HDF5 file (model.save('model.h5')): the architecture as JSON in the root
 * attribute model_config, and under model_weights one group per top-level layer whose attribute
 * weight_names lists its datasets in the layer's own weight order.
 */
final class KerasH5 extends KerasWeightSource {

    static final String MODEL_CONFIG = "model_config";
    static final String MODEL_WEIGHTS = "model_weights";

    private final Hdf5Weights hdf;

    private KerasH5(Hdf5Weights hdf, String model) {
        super(model);
        this.hdf = hdf;
    }

    static Network read(Path file) {
        String model = file.toString();
        try (Hdf5Weights hdf = Hdf5Weights.open(file, model)) {
            List<String> config = hdf.strings("/", MODEL_CONFIG);
            if (config.size() != 1) {
                throw hdf.damaged("has no readable model_config");
            }
            KerasH5 reader = new KerasH5(hdf, model);
            return reader.network(reader.parse(config.get(0), "the model_config attribute"));
        }
    }

    /**
     * A top-level layer's weights are taken in weight_names order, as Keras loads them; a layer
     * inside a nested model is found by name in its model's group (Keras stores a nested model's
     * trainable weights before its other weights, so order alone would mislead).
     */
    @Override
    List<WeightTensor> tensors(Layer layer, KerasTopologyReader.Origin origin, List<String> names) {
        String group = MODEL_WEIGHTS + "/" + (origin.scope().isEmpty() ? layer.name() : origin.scope().get(0));
        List<String> stored = hdf.exists(group) ? hdf.strings(group, "weight_names") : List.of();
        List<WeightTensor> tensors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = origin.scope().isEmpty() ? (i < stored.size() ? stored.get(i) : null)
                    : byName(stored, layer.name() + "/" + names.get(i));
            if (name == null) {
                throw missing(layer, origin.scope().isEmpty() ? stored.size() : i, names, group);
            }
            tensors.add(hdf.tensor(group + "/" + name));
        }
        return tensors;
    }

    /** "layer/weight" as stored by TF Keras ("conv/kernel:0") or Keras 3 ("outer/conv/kernel"). */
    private static String byName(List<String> stored, String key) {
        for (String s : stored) {
            String plain = s.replaceFirst(":\\d+$", "");
            if (plain.equals(key) || plain.endsWith("/" + key)) {
                return s;
            }
        }
        return null;
    }
}
