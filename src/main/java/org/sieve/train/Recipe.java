package org.sieve.train;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * The training settings Sieve uses for an architecture, chosen so each bundled model trains in
 * well under an hour on two CPU cores. Larger convolutional nets get pixel shifts against
 * overfitting; LeNet-5 and the MLP train as in their papers, without augmentation.
 */
record Recipe(String arch, int epochs, int batchSize, float learningRate, int maxShift) {

    static final int BATCH = 128;
    static final float LEARNING_RATE = 1e-3f;

    static Recipe of(String arch) {
        int shift = arch.equals("lenet5") || arch.equals("mlp") ? 0 : 2;
        return new Recipe(arch, 10, BATCH, LEARNING_RATE, shift);
    }

    Recipe withEpochs(int epochs) {
        return new Recipe(arch, epochs, batchSize, learningRate, maxShift);
    }

    TrainingConfig config(long seed, Set<Integer> snapshotEpochs) {
        return new TrainingConfig(epochs, batchSize, learningRate, seed, maxShift, snapshotEpochs);
    }

    /** The recipe as stored in a model's sieve.json under "training". */
    JsonObject toJson(String dataset, long seed, int trainImages) {
        JsonObject o = new JsonObject();
        o.addProperty("tool", "sieve train");
        o.addProperty("arch", arch);
        o.addProperty("dataset", dataset);
        o.addProperty("trainImages", trainImages);
        o.addProperty("epochs", epochs);
        o.addProperty("batch", batchSize);
        o.addProperty("optimiser", String.format(Locale.ROOT, "Adam (beta1 %s, beta2 %s, epsilon %.0e)",
                Adam.BETA1, Adam.BETA2, Adam.EPSILON));
        o.addProperty("learningRate", learningRate);
        o.addProperty("schedule", "cosine decay to 0 over all steps");
        o.addProperty("loss", "softmax cross-entropy");
        o.addProperty("augmentation", maxShift == 0 ? "none" : "random shift up to " + maxShift + " px");
        o.addProperty("weightInit", "Glorot uniform kernels, zero biases");
        o.addProperty("seed", seed);
        return o;
    }
}
