package org.sieve.cli;

import java.nio.file.Path;
import java.util.List;
import org.sieve.network.format.ModelCatalogue;
import picocli.CommandLine.Option;

/** {@code --model-dir}: the catalogue a command sees, the bundled models plus those in DIR. */
final class CatalogueOption {

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Also look for models in the model folders"
            + " inside DIR.")
    Path modelDir;

    ModelCatalogue catalogue() {
        return new ModelCatalogue(ModelCatalogue.defaultFolder(), modelDir == null ? List.of() : List.of(modelDir));
    }
}
