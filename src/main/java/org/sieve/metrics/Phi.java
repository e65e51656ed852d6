package org.sieve.metrics;

import java.util.Locale;
import org.sieve.SieveException;
import org.sieve.network.Activation;
import org.sieve.network.ActivationLayer;
import org.sieve.network.Dense;
import org.sieve.network.Layer;
import org.sieve.network.Network;

/**
 * The map applied to a layer's features before measuring distortion. The authors use ReLU for
 * hidden layers; for logits and probabilities the sign carries the class evidence, so AUTO
 * uses the identity there.
 */
public enum Phi {
    AUTO, RELU, IDENTITY;

    /** Whether this map is the identity at {@code layer}: AUTO's is at the output and at probabilities. */
    public boolean identityAt(Network network, Layer layer) {
        return switch (this) {
            case IDENTITY -> true;
            case RELU -> false;
            case AUTO -> layer == network.output()
                    || layer instanceof Dense d && d.activation() == Activation.SOFTMAX
                    || layer instanceof ActivationLayer a && a.activation() == Activation.SOFTMAX;
        };
    }

    /** As written on the command line and in result.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phi parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SieveException("Unknown feature map '" + text + "': use auto, relu or identity.");
        }
    }
}
