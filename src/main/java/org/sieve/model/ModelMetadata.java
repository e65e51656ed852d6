package org.sieve.model;

import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.sieve.image.ModelInput;
import org.sieve.network.InputLayer;
import org.sieve.network.Network;

/**
 * What Sieve knows about a model beyond its network: names, labels, the input it expects and how
 * pixels in [0,1] are normalised for it. Stored as sieve.json beside model.json.
 *
 * @param id                short name used on the command line and in the catalogue
 * @param name              display name
 * @param task              e.g. "classification"
 * @param dataset           training data set, or null when unknown
 * @param labels            one label per output unit, or empty when unknown
 * @param input             the image size and channels the network takes
 * @param normalizationMean per channel, subtracted from pixels in [0,1]
 * @param normalizationStd  per channel, divides after the mean is subtracted; all > 0
 * @param sigmaGrid         recommended sigma grid [rows, columns], or null
 * @param testAccuracy      fraction in [0,1], or null when unknown
 * @param parameters        number of stored weight values
 * @param training          free-form record of how the model was trained (recipe, seed, epochs)
 * @param licence           licence of the weights, or null
 * @param attribution       who to credit, or null
 * @param description       free text, or null
 * @param kind              classifier, detector or feature extractor: what the output means
 */
public record ModelMetadata(String id, String name, String task, String dataset, List<String> labels,
        ModelInput input, float[] normalizationMean, float[] normalizationStd,
        int[] sigmaGrid, Double testAccuracy, long parameters, JsonObject training, String licence,
        String attribution, String description, ModelKind kind) {

    public ModelMetadata {
        Objects.requireNonNull(id, "id");
        kind = kind == null ? ModelKind.CLASSIFIER : kind;
        labels = labels == null ? List.of() : List.copyOf(labels);
        normalizationMean = normalizationMean.clone();
        normalizationStd = normalizationStd.clone();
        sigmaGrid = sigmaGrid == null ? null : sigmaGrid.clone();
        training = training == null ? new JsonObject() : training.deepCopy();
    }

    /** The same metadata for a network with {@code count} weight values, e.g. after its head was cut off. */
    public ModelMetadata withParameters(long count) {
        return new ModelMetadata(id, name, task, dataset, labels, input, normalizationMean, normalizationStd,
                sigmaGrid, testAccuracy, count, training, licence, attribution, description, kind);
    }

    /** What a plain TensorFlow.js model gets: no labels, pixels fed as they are (mean 0, std 1). */
    public static ModelMetadata defaults(String id, Network network) {
        return defaults(id, network, network.parameterCount());
    }

    /** As {@link #defaults(String, Network)}, for a network read without its weights. */
    public static ModelMetadata defaults(String id, Network network, long parameters) {
        InputLayer in = network.input();
        float[] mean = new float[in.channels()];
        float[] std = new float[in.channels()];
        Arrays.fill(std, 1f);
        return new ModelMetadata(id, id, "classification", null, List.of(),
                new ModelInput(in.height(), in.width(), in.channels()), mean, std, null, null, parameters,
                new JsonObject(), null, null, null, ModelKind.CLASSIFIER);
    }
}
