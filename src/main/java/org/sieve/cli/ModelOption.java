package org.sieve.cli;

import org.sieve.network.format.Model;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --model}: the model a command works on, looked up in the catalogue of {@code --model-dir}. */
final class ModelOption {

    @Option(names = "--model", required = true, paramLabel = "M", description = "A bundled model id or a model"
            + " folder (see 'sieve models').")
    String model;

    @Mixin
    CatalogueOption catalogue;

    Model resolve() {
        return catalogue.catalogue().resolve(model);
    }
}
