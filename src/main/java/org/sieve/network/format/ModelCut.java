package org.sieve.network.format;

import java.nio.file.Path;
import org.sieve.model.Model;
import org.sieve.network.Network;

/**
 * Keeps a model up to one layer and saves it as a new model folder: how a pretrained backbone is
 * bundled without the head it was shipped with. The metadata comes from the source folder's
 * sieve.json, with the parameter count of what is kept. Run as {@code sieve cut-model} by {@code scripts/fetch-photo-models.sh}.
 */
public final class ModelCut {

    private ModelCut() {
    }

    /** Saves {@code source} up to {@code layer} into {@code target}; returns what was saved. */
    public static Model cut(Path source, String layer, Path target) {
        Model whole = ModelStore.load(source);
        Network kept = whole.network().upTo(layer);
        Model cut = ModelStore.inMemory(kept, whole.metadata().withParameters(kept.parameterCount()));
        ModelStore.save(cut, target);
        return cut;
    }
}
