package org.sieve.cli;

import java.nio.file.Path;
import org.sieve.model.Model;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --model}: the model a command works on, looked up in the catalogue of {@code --model-dir}. */
final class ModelOption {

    @Option(names = "--model", required = true, paramLabel = "M", description = "A bundled model id, a model"
            + " folder, or a model file (Keras .keras or .h5; see 'sieve models' and docs/models.md).")
    String model;

    @Mixin
    CatalogueOption catalogue;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The model; a file given directly (no sieve.json) gets a note on standard error saying how it is fed. */
    Model resolve() {
        Model m = catalogue.catalogue().resolve(model);
        if (m.dir() == null) {
            command.commandLine().getErr().println(note(model));
        }
        return m;
    }

    /** Where {@code m} was read from: its folder, or the model file given directly. */
    Path location(Model m) {
        return m.dir() != null ? m.dir() : Path.of(model);
    }

    /** The one line said when a model file without Sieve's metadata is used directly. */
    static String note(String file) {
        return "note: " + file + " has no sieve.json, so pixels are fed from 0 to 1 (normalisation none); to set"
                + " normalisation and labels, run 'sieve import " + file + " --out DIR --normalization imagenet"
                + " --labels imagenet' (or another preset) and use DIR.";
    }
}
