package org.sieve.train;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.data.Dataset;
import org.sieve.data.Datasets;
import org.sieve.image.ModelInput;
import org.sieve.model.KnownDatasets;
import org.sieve.model.Model;
import org.sieve.model.ModelKind;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Network;
import org.sieve.network.format.ModelStore;

/**
 * Trains one of Sieve's architectures on MNIST or Fashion-MNIST and saves it as a model folder
 * with complete metadata. The model folder's name is the model's id; snapshots after earlier
 * epochs go beside it as {@code <id>-epoch<N>}.
 */
public final class Training {

    private static final Map<String, String> DATASET_NAMES = Map.of("mnist", "MNIST", "fashion", "Fashion-MNIST");
    private static final Map<String, String> LICENCES = Map.of(
            "mnist", "CC BY-SA 3.0 (trained on MNIST)",
            "fashion", "MIT (trained on Fashion-MNIST)");
    private static final Map<String, String> ATTRIBUTIONS = Map.of(
            "mnist", "MNIST by Yann LeCun, Corinna Cortes and Christopher J. C. Burges; weights trained by Sieve",
            "fashion", "Fashion-MNIST by Zalando Research (Xiao, Rasul and Vollgraf 2017); weights trained by Sieve");

    private Training() {
    }

    /** Plain training from scratch, the technique {@link Technique#NONE}. */
    public static TrainedNetwork run(String arch, String dataset, int epochs, long seed, Path out,
            List<Integer> snapshotEpochs, Path dataDir, TrainingListener listener) {
        return run(arch, dataset, epochs, seed, out, snapshotEpochs, dataDir, Technique.NONE, null, listener);
    }

    /**
     * @param epochs         how many epochs, or 0 for the architecture's recipe (10)
     * @param out            the model folder to write; its name becomes the model's id
     * @param snapshotEpochs epochs after which to save the network as well (the last one is the model itself)
     * @param dataDir        the folder holding mnist/ and fashion/ (see scripts/fetch-datasets.sh)
     * @param technique      how this variant's training differs from plain training
     * @param baseline       the plain model this variant is compared with, recorded in sieve.json; pruning
     *                       starts from its weights and needs it; null for none
     * @return the network after the last epoch, as saved
     */
    public static TrainedNetwork run(String arch, String dataset, int epochs, long seed, Path out,
            List<Integer> snapshotEpochs, Path dataDir, Technique technique, Model baseline,
            TrainingListener listener) {
        String archName = Architectures.displayName(arch);
        Recipe recipe = Recipe.of(arch);
        List<String> classes = KnownDatasets.classNames(dataset);
        if (epochs < 0) {
            throw new SieveException("Epochs must be at least 1 (or 0 for the recipe's " + recipe.epochs()
                    + "), not " + epochs + ".");
        }
        Recipe used = epochs == 0 ? recipe : recipe.withEpochs(epochs);
        for (int e : snapshotEpochs) {
            if (e < 1 || e > used.epochs()) {
                throw new SieveException("Snapshot epoch " + e + " is outside 1.." + used.epochs() + ".");
            }
        }
        if (technique instanceof Technique.Pruning && baseline == null) {
            throw new SieveException("Pruning fine-tunes a trained model: name it with --baseline (e.g. lenet5-mnist).");
        }
        Dataset train = Datasets.load(dataset, "train", dataDir);
        Dataset test = Datasets.load(dataset, "test", dataDir);
        if (technique instanceof Technique.Distillation d) {
            requireFits(d.teacher(), "teacher", train, classes);
        }
        if (baseline != null) {
            requireFits(baseline, "baseline", train, classes);
        }
        Network fresh = Architectures.build(arch, train.height(), train.width(), train.channels(), classes.size());
        Network architecture = technique instanceof Technique.Pruning
                ? new Network(fresh.layers(), baseline.network().weights()) : fresh;
        PixelStatistics stats = technique instanceof Technique.Pruning
                ? new PixelStatistics(baseline.metadata().normalizationMean(), baseline.metadata().normalizationStd())
                : PixelStatistics.of(train);
        String id = out.toAbsolutePath().normalize().getFileName().toString();
        JsonObject recipeJson = used.toJson(dataset, seed, train.size());
        JsonObject techniqueJson = techniqueRecord(technique, baseline);
        TrainedNetwork last = Trainer.train(architecture, stats, train, test,
                used.config(seed, new HashSet<>(snapshotEpochs)), technique, listener, snapshot -> {
                    if (snapshot.epochs() < used.epochs()) {
                        String snapshotId = id + "-epoch" + snapshot.epochs();
                        save(snapshot, metadata(snapshotId, archName, dataset, snapshot, recipeJson, techniqueJson,
                                technique, classes), out.resolveSibling(snapshotId));
                    }
                });
        JsonObject measured = techniqueJson.deepCopy();
        measure(technique, baseline, last, test, seed, measured.getAsJsonObject("technique"));
        save(last, metadata(id, archName, dataset, last, recipeJson, measured, technique, classes), out);
        return last;
    }

    /** The technique with its parameters, and the baseline's id, as sieve.json's training record holds them. */
    private static JsonObject techniqueRecord(Technique technique, Model baseline) {
        JsonObject o = new JsonObject();
        JsonObject t = new JsonObject();
        t.addProperty("name", technique.name());
        technique.parameters().entrySet().forEach(e -> t.add(e.getKey(), e.getValue()));
        o.add("technique", t);
        if (baseline != null) {
            o.addProperty("baseline", baseline.metadata().id());
        }
        if (technique instanceof Technique.Pruning) {
            o.addProperty("weightInit", "the baseline's trained weights");
        }
        return o;
    }

    /**
     * What the technique claims, measured on the trained network: the sparsity reached by pruning;
     * the test accuracy under the training's own PGD attack, the baseline's beside it.
     */
    private static void measure(Technique technique, Model baseline, TrainedNetwork trained, Dataset test, long seed,
            JsonObject into) {
        if (technique instanceof Technique.Pruning) {
            into.addProperty("finalSparsity", MagnitudePruning.sparsity(trained.network()));
        }
        if (technique instanceof Technique.Adversarial a) {
            into.addProperty("pgdTestAccuracy", Trainer.pgdAccuracy(trained.network(), trained.normalization(), test,
                    a, seed));
            if (baseline != null) {
                ModelMetadata m = baseline.metadata();
                into.addProperty("baselinePgdTestAccuracy", Trainer.pgdAccuracy(baseline.network(),
                        new PixelStatistics(m.normalizationMean(), m.normalizationStd()), test, a, seed));
            }
        }
    }

    private static void requireFits(Model model, String role, Dataset data, List<String> classes) {
        ModelMetadata m = model.metadata();
        if (!m.input().equals(new ModelInput(data.height(), data.width(), data.channels()))
                || m.labels().size() != classes.size()) {
            throw new SieveException(String.format(Locale.ROOT, "The %s '%s' takes %s images with %d labels;"
                    + " this training has %dx%dx%d images with %d classes. Choose a %s trained on the same dataset.",
                    role, m.id(), m.input(), m.labels().size(), data.height(),
                    data.width(), data.channels(), classes.size(), role));
        }
    }

    private static void save(TrainedNetwork trained, ModelMetadata metadata, Path dir) {
        ModelStore.save(ModelStore.inMemory(trained.network(), metadata), dir);
    }

    private static ModelMetadata metadata(String id, String archName, String dataset, TrainedNetwork trained,
            JsonObject recipe, JsonObject techniqueRecord, Technique technique, List<String> classes) {
        JsonObject training = recipe.deepCopy();
        techniqueRecord.entrySet().forEach(e -> training.add(e.getKey(), e.getValue().deepCopy()));
        int runEpochs = recipe.get("epochs").getAsInt();
        training.addProperty("epochsTrained", trained.epochs());
        training.addProperty("wallSeconds", Math.round(trained.seconds()));
        String data = DATASET_NAMES.get(dataset);
        String when = trained.epochs() < runEpochs
                ? ", after epoch " + trained.epochs() + " of " + runEpochs : "";
        String variant = technique.summary().isEmpty() ? "" : ", " + technique.summary();
        String name = archName + " (" + data + ")" + variant + when;
        String how = technique instanceof Technique.Pruning ? "fine-tuned from " + training.get("baseline").getAsString()
                : "trained from scratch";
        String description = String.format(Locale.ROOT,
                "%s %s by Sieve on %s for %d epoch(s), seed %d%s: %.2f%% test accuracy.",
                archName, how, data, trained.epochs(), recipe.get("seed").getAsLong(), variant,
                100 * trained.testAccuracy());
        Network n = trained.network();
        return new ModelMetadata(id, name, "classification", dataset, classes,
                new ModelInput(n.input().height(), n.input().width(), n.input().channels()),
                trained.normalization().mean(), trained.normalization().std(),
                new int[] {n.input().height(), n.input().width()}, trained.testAccuracy(), n.parameterCount(),
                training, LICENCES.get(dataset), ATTRIBUTIONS.get(dataset), description, ModelKind.CLASSIFIER);
    }
}
