package org.sieve.metrics;

import java.util.List;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.network.Network;

/**
 * The decoders metric 2 needs (METHOD.md section 3): each layer's decoder network, and an
 * identity of the set (e.g. the hash of its index) so graphs built on them are reused only
 * while they stay the same. Reading them from a model folder is the model format's job.
 */
public record Decoders(String identity, Map<String, Network> byLayer) {

    public Decoders {
        byLayer = Map.copyOf(byLayer);
    }

    /** The decoders of {@code layers}, in their order. */
    List<Network> forLayers(List<String> layers) {
        return layers.stream().map(l -> {
            Network d = byLayer.get(l);
            if (d == null) {
                throw new SieveException("No decoder for layer '" + l + "': reconstruction uncertainty needs one.");
            }
            return d;
        }).toList();
    }
}
