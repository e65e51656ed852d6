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
                snapshots, o.path("data", Datasets.defaultDataDir()), new Bar(err));
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

    /** One updating line per epoch on a terminal, a line per epoch otherwise. */
    private static final class Bar implements TrainingListener {
        private final PrintStream err;
        private final boolean terminal;
        private long lastDraw;

        Bar(PrintStream err) {
            this.err = err;
            this.terminal = err == System.err && System.console() != null;
        }

        @Override
        public void batchDone(int epoch, int batch, int batchesPerEpoch, float loss, double imagesPerSecond) {
            long now = System.currentTimeMillis();
            if (terminal && now - lastDraw >= 200) {
                lastDraw = now;
                int filled = 30 * batch / Math.max(1, batchesPerEpoch);
                err.printf(Locale.ROOT, "\r\033[2Kepoch %d [%s%s] loss %.4f  %,.0f images/s", epoch, "#".repeat(filled),
                        " ".repeat(30 - filled), loss, imagesPerSecond);
                err.flush();
            }
        }

        @Override
        public void epochDone(int epoch, int epochs, double testAccuracy, double seconds) {
            err.printf(Locale.ROOT, "%sepoch %d/%d: test accuracy %.2f %% (%.0f s)%n", terminal ? "\r\033[2K" : "",
                    epoch, epochs, 100 * testAccuracy, seconds);
        }
    }
}
