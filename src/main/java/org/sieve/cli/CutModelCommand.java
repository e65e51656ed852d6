package org.sieve.cli;

import java.nio.file.Path;
import org.sieve.model.Model;
import org.sieve.network.format.ModelCut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sieve cut-model}: a tool for bundling a pretrained backbone without its head; hidden from the help. */
@Command(name = "cut-model", hidden = true,
        header = "Keep a model up to one layer and save it as a new model folder.",
        description = "Keeps the layers of a model folder up to LAYER and saves them, with the source's sieve.json"
                + " and the parameter count of what is kept, as a new model folder. Used by"
                + " scripts/fetch-photo-models.sh to bundle a pretrained backbone without its head.")
final class CutModelCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The model folder to cut.")
    Path source;

    @Parameters(index = "1", paramLabel = "LAYER", description = "The last layer to keep.")
    String layer;

    @Parameters(index = "2", paramLabel = "TARGET", description = "The model folder to write.")
    Path target;

    @Override
    public Integer call() {
        Model cut = ModelCut.cut(source, layer, target);
        out().println(target + ": " + cut.network().layers().size() + " layers up to '" + layer + "', "
                + cut.network().parameterCount() + " weight values");
        return 0;
    }
}
