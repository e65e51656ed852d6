package org.sieve.network.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.model.ModelKind;
import org.sieve.model.ModelMetadata;
import org.sieve.model.PixelNormalization;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.NetworkShapes;
import org.sieve.network.format.common.MetadataCheck;

/**
 * What a user tells Sieve about a model file that lacks sieve.json: its name, pixel
 * normalisation, labels and, for networks that accept it, another input size. Used by
 * {@code sieve import} and by the explorer's question when it opens such a file.
 *
 * @param name      display name, or null to use the id
 * @param labels    one per class (output unit, or a detector's heatmap channel), or empty
 * @param inputSize [height, width] to feed instead of the file's, or null
 * @param kind      what the output means; null for a classifier
 */
public record ModelImport(String id, String name, PixelNormalization normalization, List<String> labels,
                          int[] inputSize, ModelKind kind) {

    public ModelImport {
        labels = labels == null ? List.of() : List.copyOf(labels);
        inputSize = inputSize == null ? null : inputSize.clone();
        kind = kind == null ? ModelKind.CLASSIFIER : kind;
    }

    /** A classifier. */
    public ModelImport(String id, String name, PixelNormalization normalization, List<String> labels,
                       int[] inputSize) {
        this(id, name, normalization, labels, inputSize, null);
    }

    /**
     * The model with this metadata, checked against its network (label count, channels).
     *
     * @param file the model file, for messages
     */
    public Model applyTo(Model source, Path file) {
        Network network = inputSize == null ? source.network() : resized(source.network());
        ModelMetadata d = ModelMetadata.defaults(id, network);
        ModelMetadata m = new ModelMetadata(id, name == null ? id : name, d.task(), null, labels, d.input(),
                normalization.mean(), normalization.std(), null, null,
                d.parameters(), null, null, null, null, kind);
        MetadataCheck.check(m, network, file);
        return ModelStore.inMemory(network, m);
    }

    /** The same layers and weights fed a {@code height x width} input; fails if a layer cannot take it. */
    private Network resized(Network network) {
        InputLayer in = network.input();
        if (inputSize[0] < 1 || inputSize[1] < 1 || (long) inputSize[0] * inputSize[1] > 1L << 26) {
            throw new SieveException("Input size " + inputSize[0] + "x" + inputSize[1]
                    + " is not usable; give HxW with each side from 1 and at most 64 megapixels.");
        }
        List<Layer> layers = new ArrayList<>(network.layers());
        layers.set(0, new InputLayer(in.name(), inputSize[0], inputSize[1], in.channels()));
        Network resized = new Network(layers, network.weights());
        try {
            NetworkShapes.of(resized);
        } catch (RuntimeException e) {
            throw new SieveException("The model cannot take " + inputSize[0] + "x" + inputSize[1] + " input (it takes "
                    + in.height() + "x" + in.width() + "): " + e.getMessage() + ". Leave out --input.", e);
        }
        return resized;
    }
}
