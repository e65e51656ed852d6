package org.sieve.metrics;

import java.util.Locale;
import org.sieve.SieveException;

/**
 * The map applied to a layer's features before measuring distortion. The authors use ReLU for
 * hidden layers; for logits and probabilities the sign carries the class evidence, so AUTO
 * uses the identity there.
 */
public enum Phi {
    AUTO, RELU, IDENTITY;

    public static Phi parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SieveException("Unknown feature map '" + text + "': use auto, relu or identity.");
        }
    }
}
