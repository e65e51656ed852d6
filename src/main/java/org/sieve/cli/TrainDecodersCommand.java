package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.sieve.SieveException;
import org.sieve.data.Dataset;
import org.sieve.data.Datasets;
import org.sieve.image.ImageLoader;
import org.sieve.image.ImageScan;
import org.sieve.image.ModelInput;
import org.sieve.image.ResizeMode;
import org.sieve.model.KnownDatasets;
import org.sieve.model.Model;
import org.sieve.model.DecoderSet;
import org.sieve.network.format.DecoderIndex;
import org.sieve.train.DecoderTraining;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sieve train-decoders}: trains the per-layer decoders that reconstruction uncertainty needs. */
@Command(name = "train-decoders",
        header = "Train a model's per-layer decoders (for --metric ru).",
        description = "Trains one decoder per layer of the model that rebuilds the input image from the layer's"
                + " features (metric 2, reconstruction uncertainty), reports each decoder's reconstruction error on"
                + " held-out images, and saves them beside the model in M/decoders/.")
final class TrainDecodersCommand extends Subcommand {

    private static final int DEFAULT_HELD_OUT = 2000;

    @Mixin
    ModelOption modelOption;

    @ArgGroup
    Source source;

    /** What the decoders learn from: a dataset or a folder of images. */
    static final class Source {
        @Option(names = "--dataset", paramLabel = "D", description = "mnist or fashion (default: the model's own"
                + " dataset); the training split trains, the test split is held out.")
        String dataset;

        @Option(names = "--images", paramLabel = "DIR", description = "A folder of images instead (labels are not"
                + " needed); the last tenth, in file-name order, is held out.")
        Path images;
    }

    @Mixin
    LayersOption layerOption;

    @Option(names = "--epochs", paramLabel = "N", converter = Count.class, description = "At most N passes over"
            + " the training images (default 12); training stops earlier once the held-out error stops improving.")
    int epochs = DecoderTraining.Config.defaults().epochs();

    @Option(names = "--patience", paramLabel = "N", converter = Count.class, description = "Stop after N epochs in a"
            + " row that lowered no layer's held-out error by 1 %% (default 1); each layer keeps the weights of its"
            + " best epoch.")
    int patience = DecoderTraining.Config.defaults().patience();

    @Option(names = "--limit", paramLabel = "N", converter = Count.class, description = "Train on the first N"
            + " training images only.")
    int limit = Integer.MAX_VALUE;

    @Option(names = "--held-out", paramLabel = "N", converter = Count.class, description = "Measure the error on"
            + " at most N held-out images (default 2000).")
    int heldOutLimit = DEFAULT_HELD_OUT;

    @Option(names = "--batch", paramLabel = "N", converter = Count.class, description = "Images per step (default"
            + " 32).")
    int batch = DecoderTraining.Config.defaults().batchSize();

    @Option(names = "--seed", paramLabel = "S", description = "Seed of initial weights and shuffling (default 0).")
    long seed = DecoderTraining.Config.defaults().seed();

    @Option(names = "--replace", description = "Train layers that already have decoders again (they are kept"
            + " otherwise, so a quick trial never overwrites good decoders).")
    boolean replace;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder holding mnist/ and fashion/ (default"
            + " data/).")
    Path data = Datasets.defaultDataDir();

    @Override
    public Integer call() {
        PrintStream err = err();
        Model model = modelOption.resolve();
        if (model.dir() == null) {
            throw new SieveException("Model '" + model.id() + "' has no folder to save decoders beside.");
        }
        List<String> layers = layerOption.in(model.network());
        List<String> existing = DecoderIndex.trainedLayers(model).stream().filter(layers::contains).toList();
        if (!existing.isEmpty() && !replace) {
            throw new UsageException("Layer(s) " + String.join(", ", existing) + " of " + model.id()
                    + " already have decoders in " + DecoderIndex.folderOf(model.dir()) + ". Add --replace to train"
                    + " new ones in their place, or choose other layers with --layers.");
        }
        Dataset[] split = source != null && source.images != null ? folder(source.images, model, err)
                : dataset(source != null ? source.dataset : model.metadata().dataset(), model, data);
        Dataset train = limited(split[0], limit);
        Dataset heldOut = limited(split[1], heldOutLimit);
        DecoderTraining.Config config = new DecoderTraining.Config(epochs, batch,
                DecoderTraining.Config.defaults().learningRate(), seed, patience);
        err.printf(Locale.ROOT, "Training %d decoder(s) of %s on %,d images of %s, at most %d epoch(s); %,d held"
                + " out.%n",
                layers.size(), model.id(), train.size(), train.name(), config.epochs(), heldOut.size());
        long start = System.nanoTime();
        Map<String, DecoderSet.Decoder> decoders = DecoderTraining.train(model, layers, train, heldOut, config,
                progress(err));
        double seconds = (System.nanoTime() - start) / 1e9;
        DecoderIndex.save(model.dir(), model.sha256(), decoders,
                DecoderTraining.describe(train.name(), train.size(), config, seconds));
        err.printf(Locale.ROOT, "%-20s %-13s %s%n", "LAYER", "HELD-OUT MSE", "BY EPOCH (the best kept)");
        decoders.values().forEach(v -> err.printf(Locale.ROOT, "%-20s %-13.5f %s%n", v.layer(), v.heldOutMse(),
                v.heldOutMseByEpoch().stream().map(e -> String.format(Locale.ROOT, "%.5f", e))
                        .collect(Collectors.joining(" "))));
        err.printf(Locale.ROOT, "Saved %d decoder(s) in %s (%.0f s).%n", decoders.size(),
                DecoderIndex.folderOf(model.dir()), seconds);
        return 0;
    }

    private static Dataset[] dataset(String name, Model model, Path dataDir) {
        if (name == null) {
            throw new UsageException("Model '" + model.id() + "' names no dataset; give --dataset mnist|fashion"
                    + " or --images DIR.");
        }
        if (!KnownDatasets.known(name) && name.equals(model.metadata().dataset())) {
            throw new UsageException("Model '" + model.id() + "' learnt from " + name + ", which is not available"
                    + " offline; train its decoders on a folder of your own images instead: --images DIR.");
        }
        return new Dataset[] {Datasets.load(name, "train", dataDir), Datasets.load(name, "test", dataDir)};
    }

    /** Every readable image of the folder at the model's input size; the last tenth is held out. */
    private static Dataset[] folder(Path dir, Model model, PrintStream err) {
        var in = model.network().input();
        ImageScan.Found found = ImageScan.under(dir, null);
        found.warnings().forEach(err::println);
        List<float[]> images = new ArrayList<>();
        for (Path p : found.images()) {
            try {
                images.add(ImageLoader.load(dir.resolve(p), new ModelInput(in.height(), in.width(), in.channels()),
                        ResizeMode.STRETCH).pixels());
            } catch (SieveException e) {
                err.println("Skipping " + dir.resolve(p) + ": " + e.getMessage());
            }
        }
        if (images.size() < 10) {
            throw new SieveException("--images " + dir + " holds " + images.size() + " readable image(s); decoder"
                    + " training needs at least 10 (ideally thousands).");
        }
        int held = Math.max(1, images.size() / 10);
        float[][] all = images.toArray(float[][]::new);
        Dataset d = new Dataset(dir.toString(), in.height(), in.width(), in.channels(), all, new int[all.length],
                List.of());
        return new Dataset[] {d.subset(0, all.length - held), d.subset(all.length - held, held)};
    }

    private static Dataset limited(Dataset d, int n) {
        return n >= d.size() ? d : d.subset(0, n);
    }

    private static DecoderTraining.Listener progress(PrintStream err) {
        EpochBar bar = new EpochBar(err, "mean MSE", 200);
        return new DecoderTraining.Listener() {
            @Override
            public void batchDone(int epoch, int batch, int batches, double meanLoss, double imagesPerSecond) {
                bar.batch(epoch, batch, batches, meanLoss, imagesPerSecond);
            }

            @Override
            public void epochDone(int epoch, int epochs, Map<String, Double> heldOutMse, double seconds) {
                double mean = heldOutMse.values().stream().mapToDouble(Double::doubleValue).average()
                        .orElse(Double.NaN);
                bar.epoch(String.format(Locale.ROOT, "epoch %d (at most %d): held-out MSE %.5f averaged over %d"
                        + " layer(s) (%.0f s)", epoch, epochs, mean, heldOutMse.size(), seconds));
            }
        };
    }
}
