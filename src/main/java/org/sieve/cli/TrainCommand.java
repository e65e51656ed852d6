package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.sieve.data.Datasets;
import org.sieve.model.Model;
import org.sieve.train.Architectures;
import org.sieve.train.Technique;
import org.sieve.train.TrainedNetwork;
import org.sieve.train.Training;
import org.sieve.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sieve train}: trains a classic architecture on MNIST or Fashion-MNIST and saves it. */
@Command(name = "train",
        header = "Train a classic CNN on MNIST or Fashion-MNIST into a model folder.",
        description = "Trains an architecture on a dataset in TensorFlow and saves it as a model folder DIR whose"
                + " name becomes the model id. --prune, --distill-from or --adversarial trains a variant by one of"
                + " the techniques the paper examines; sieve.json records it and --baseline.")
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

    @Option(names = "--prune", paramLabel = "FRACTION", description = "Magnitude pruning with fine-tuning: start"
            + " from --baseline's weights and remove this fraction of the kernel weights (e.g. 0.9), gradually, then"
            + " fine-tune with them held at zero.")
    Double prune;

    @Option(names = "--distill-from", paramLabel = "MODEL", description = "Knowledge distillation: learn the soft"
            + " targets of this teacher model (an id or folder) as well as the labels.")
    String distillFrom;

    @Option(names = "--temperature", paramLabel = "T", description = "Softmax temperature of the soft targets"
            + " (default 4; with --distill-from).")
    Float temperature;

    @Option(names = "--alpha", paramLabel = "A", description = "The soft targets' share of the loss, 0 to 1"
            + " (default 0.9; with --distill-from).")
    Float alpha;

    @Option(names = "--adversarial", paramLabel = "ATTACK", description = "Adversarial training: train on each"
            + " batch's attack instead of the batch. Only pgd (Madry et al.).")
    String adversarial;

    @Option(names = "--epsilon", paramLabel = "E", description = "The attack's L-inf radius in pixel units, 0 to 1"
            + " (default 0.1; with --adversarial).")
    Float epsilon;

    @Option(names = "--pgd-steps", paramLabel = "K", description = "Steps of the PGD attack (default 7; with"
            + " --adversarial).")
    Integer pgdSteps;

    @Option(names = "--baseline", paramLabel = "MODEL", description = "The plain model this variant is compared"
            + " with, recorded in sieve.json; --prune starts from its weights.")
    String baseline;

    @Mixin
    CatalogueOption catalogue;

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
        Technique technique = technique();
        Model base = baseline == null ? null : catalogue.catalogue().resolve(baseline);
        TrainedNetwork trained = Training.run(arch, dataset, epochs, seed, out, snapshots, data, technique, base,
                progress(err));
        err.printf(Locale.ROOT, "Saved %s: test accuracy %.2f %% after %d epochs.%n", out, 100 * trained.testAccuracy(),
                trained.epochs());
        return 0;
    }

    /** The one technique the options ask for, its parameters checked; plain training when none. */
    private Technique technique() {
        List<String> chosen = new ArrayList<>();
        if (prune != null) {
            chosen.add("--prune");
        }
        if (distillFrom != null) {
            chosen.add("--distill-from");
        }
        if (adversarial != null) {
            chosen.add("--adversarial");
        }
        if (chosen.size() > 1) {
            throw new UsageException("Choose one technique per model, not " + String.join(" and ", chosen) + ".");
        }
        requireWith(distillFrom, "--distill-from", temperature, "--temperature", alpha, "--alpha");
        requireWith(adversarial, "--adversarial", epsilon, "--epsilon", pgdSteps, "--pgd-steps");
        if (prune != null) {
            return new Technique.Pruning(prune);
        }
        if (distillFrom != null) {
            return new Technique.Distillation(catalogue.catalogue().resolve(distillFrom),
                    temperature == null ? 4f : temperature, alpha == null ? 0.9f : alpha);
        }
        if (adversarial != null) {
            if (!adversarial.equals("pgd")) {
                throw new UsageException("--adversarial knows only pgd, not '" + adversarial + "'.");
            }
            return new Technique.Adversarial(epsilon == null ? 0.1f : epsilon, pgdSteps == null ? 7 : pgdSteps);
        }
        return Technique.NONE;
    }

    /** Refuses a technique's parameter given without the technique. */
    private static void requireWith(Object technique, String techniqueName, Object first, String firstName,
            Object second, String secondName) {
        if (technique == null && (first != null || second != null)) {
            throw new UsageException((first != null ? firstName : secondName) + " goes with " + techniqueName + ".");
        }
    }

    private static TrainingListener progress(PrintStream err) {
        EpochBar bar = new EpochBar(err, "loss", 100);
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
