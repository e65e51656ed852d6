package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.sieve.data.Datasets;
import org.sieve.train.Architectures;
import org.sieve.train.TrainedNetwork;
import org.sieve.train.Training;
import org.sieve.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sieve train}: trains a classic architecture on MNIST or Fashion-MNIST and saves it. */
@Command(name = "train",
        header = "Train a classic CNN on MNIST or Fashion-MNIST into a model folder.",
        description = "Trains an architecture on a dataset in TensorFlow and saves it as a model folder DIR whose"
                + " name becomes the model id.")
final class TrainCommand extends Subcommand {

    @Option(names = "--arch", required = true, paramLabel = "A", completionCandidates = ArchitectureNames.class,
            description = "The architecture: ${COMPLETION-CANDIDATES}.")
    String arch;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "mnist or fashion.")
    String dataset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write.")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", converter = Count.class, description = "Epochs (default: the"
            + " architecture's recipe).")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of initial weights, shuffling and dropout"
            + " (default 0).")
    long seed;

    @Option(names = "--snapshots", paramLabel = "E", split = ",", description = "Also save the network after"
            + " these epochs, as DIR-epochE.")
    List<Integer> snapshots = List.of();

    @Option(names = "--data", paramLabel = "DIR", description = "Folder holding mnist/ and fashion/ (default data/;"
            + " fetch them with scripts/fetch-datasets.sh).")
    Path data = Datasets.defaultDataDir();

    /** The architectures' names, for the help and for completion. */
    static final class ArchitectureNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Architectures.NAMES.iterator();
        }
    }

    @Override
    public Integer call() {
        PrintStream err = err();
        TrainedNetwork trained = Training.run(arch, dataset, epochs, seed, out, snapshots, data, progress(err));
        err.printf(Locale.ROOT, "Saved %s: test accuracy %.2f %% after %d epochs.%n", out, 100 * trained.testAccuracy(),
                trained.epochs());
        return 0;
    }

    private static TrainingListener progress(PrintStream err) {
        EpochBar bar = new EpochBar(err, "loss", 0);
        return new TrainingListener() {
            @Override
            public void batchDone(int epoch, int batch, int batchesPerEpoch, float loss, double imagesPerSecond) {
                bar.batch(epoch, batch, batchesPerEpoch, loss, imagesPerSecond);
            }

            @Override
            public void epochDone(int epoch, int epochs, double testAccuracy, double seconds) {
                bar.epoch(String.format(Locale.ROOT, "epoch %d/%d: test accuracy %.2f %% (%.0f s)", epoch, epochs,
                        100 * testAccuracy, seconds));
            }
        };
    }
}
