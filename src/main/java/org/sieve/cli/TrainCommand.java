package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sieve.data.Datasets;
import org.sieve.train.Architectures;
import org.sieve.train.TrainedNetwork;
import org.sieve.train.Training;
import org.sieve.train.TrainingListener;

/** {@code sieve train}: trains a classic architecture on MNIST or Fashion-MNIST and saves it. */
final class TrainCommand {

    static final String HELP = """
            Usage: sieve train --arch A --dataset D --out DIR [--epochs N] [--seed S] [--snapshots E1,E2] [--data DIR]
              Trains architecture A (%s) on dataset D (mnist, fashion) in TensorFlow and
              saves it as a model folder DIR whose name becomes the model id.
              --epochs N          epochs (default: the architecture's recipe)
              --seed S            seed of initial weights, shuffling and dropout (default 0)
              --snapshots E1,E2   also save the network after these epochs, as DIR-epochE
              --data DIR          folder holding mnist/ and fashion/ (default data/; fetch them
                                  with scripts/fetch-datasets.sh)""".formatted(String.join(", ", Architectures.NAMES));

    private TrainCommand() {
    }

    static int run(List<String> args, PrintStream err) {
        Options o = Options.parse("train", args, Set.of("arch", "dataset", "out", "epochs", "seed", "snapshots", "data"),
                Set.of());
        String arch = o.require("arch");
        String dataset = o.require("dataset");
        Path out = Path.of(o.require("out"));
        List<Integer> snapshots = o.has("snapshots") ? Arrays.stream(o.get("snapshots", "").split(","))
                .map(String::trim).map(s -> parseEpoch(s)).toList() : List.of();
        TrainedNetwork trained = Training.run(arch, dataset, o.integer("epochs", 0, 1), o.longValue("seed", 0), out,
                snapshots, o.path("data", Datasets.defaultDataDir()), progress(err));
        err.printf(Locale.ROOT, "Saved %s: test accuracy %.2f %% after %d epochs.%n", out, 100 * trained.testAccuracy(),
                trained.epochs());
        return 0;
    }

    private static int parseEpoch(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--snapshots expects epoch numbers separated by commas, got '" + text + "'.");
        }
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
