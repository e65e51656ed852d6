package org.sieve.cli;

import java.nio.file.Path;
import java.util.List;
import org.sieve.network.format.ModelCatalogue;

/** The catalogue a command sees: bundled models plus --model-dir. */
final class Catalogues {

    private Catalogues() {
    }

    static ModelCatalogue of(Options o) {
        return new ModelCatalogue(ModelCatalogue.defaultFolder(),
                o.has("model-dir") ? List.of(Path.of(o.get("model-dir", "."))) : List.of());
    }
}
