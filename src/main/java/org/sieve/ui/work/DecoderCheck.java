package org.sieve.ui.work;

import java.util.List;
import org.sieve.model.Model;
import org.sieve.network.format.DecoderIndex;

/** Whether metric 2 can run on a model: it needs decoders trained for the model's weights. */
public final class DecoderCheck {

    private DecoderCheck() {
    }

    /** Null when the model has its decoders, else the engine's explanation with the command that trains them. */
    public static String problem(Model model) {
        try {
            DecoderIndex.check(model, List.of());
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
