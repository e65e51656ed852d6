package org.sieve.network.format;

import java.util.Map;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.network.Network;
import org.sieve.network.NetworkShapes;
import org.sieve.network.WeightTensor;

/**
 * What a model must pass when it is loaded, beyond its files being readable: every weight
 * finite, and every layer buildable with an output of at least one value. A model that fails
 * is bad input named by its folder, never a computation that fails later on someone's image.
 * Every format's reader calls this on the network it read.
 */
public final class ModelCheck {

    private ModelCheck() {
    }

    /** @param model the model's folder or file, for messages */
    public static void check(Network network, String model) {
        for (Map.Entry<String, WeightTensor> w : network.weights().entrySet()) {
            float[] values = w.getValue().values();
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new SieveException("Model " + model + ": weight '" + w.getKey() + "' holds " + values[i]
                            + " at position " + i + " of " + values.length + "; every weight must be a finite number."
                            + " The weights are damaged or the training diverged; export the model again.");
                }
            }
        }
        try {
            NetworkShapes.of(network);
        } catch (SieveException e) {
            throw new SieveException("Model " + model + ": " + e.getMessage(), e);
        }
    }
}
