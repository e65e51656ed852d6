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
import org.sieve.network.Network;
import org.sieve.network.format.Model;
import org.sieve.network.format.ModelKind;
import org.sieve.network.format.ModelMetadata;
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

    /**
     * @param epochs         how many epochs, or 0 for the architecture's recipe (10)
     * @param out            the model folder to write; its name becomes the model's id
     * @param snapshotEpochs epochs after which to save the network as well (the last one is the model itself)
     * @param dataDir        the folder holding mnist/ and fashion/ (see scripts/fetch-datasets.sh)
     * @return the network after the last epoch, as saved
     */
    public static TrainedNetwork run(String arch, String dataset, int epochs, long seed, Path out,
            List<Integer> snapshotEpochs, Path dataDir, TrainingListener listener) {
        String archName = Architectures.displayName(arch);
        Recipe recipe = Recipe.of(arch);
        List<String> classes = Datasets.classNames(dataset);
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
        Dataset train = Datasets.load(dataset, "train", dataDir);
        Dataset test = Datasets.load(dataset, "test", dataDir);
        Network architecture = Architectures.build(arch, train.height(), train.width(), train.channels(),
                classes.size());
        String id = out.toAbsolutePath().normalize().getFileName().toString();
        JsonObject recipeJson = used.toJson(dataset, seed, train.size());
        TrainedNetwork last = Trainer.train(architecture, train, test, used.config(seed, new HashSet<>(snapshotEpochs)),
                listener, snapshot -> {
                    if (snapshot.epochs() < used.epochs()) {
                        String snapshotId = id + "-epoch" + snapshot.epochs();
                        save(snapshot, metadata(snapshotId, archName, dataset, snapshot, recipeJson, classes),
                                out.resolveSibling(snapshotId));
                    }
                });
        save(last, metadata(id, archName, dataset, last, recipeJson, classes), out);
        return last;
    }

    private static void save(TrainedNetwork trained, ModelMetadata metadata, Path dir) {
        ModelStore.save(Model.of(trained.network(), metadata), dir);
    }

    private static ModelMetadata metadata(String id, String archName, String dataset, TrainedNetwork trained,
            JsonObject recipe, List<String> classes) {
        JsonObject training = recipe.deepCopy();
        int runEpochs = recipe.get("epochs").getAsInt();
        training.addProperty("epochsTrained", trained.epochs());
        training.addProperty("wallSeconds", Math.round(trained.seconds()));
        String data = DATASET_NAMES.get(dataset);
        String when = trained.epochs() < runEpochs
                ? ", after epoch " + trained.epochs() + " of " + runEpochs : "";
        String name = archName + " (" + data + ")" + when;
        String description = String.format(Locale.ROOT,
                "%s trained from scratch by Sieve on %s for %d epoch(s), seed %d: %.2f%% test accuracy.",
                archName, data, trained.epochs(), recipe.get("seed").getAsLong(),
                100 * trained.testAccuracy());
        Network n = trained.network();
        return new ModelMetadata(id, name, "classification", dataset, classes, n.input().height(), n.input().width(),
                n.input().channels(), trained.normalization().mean(), trained.normalization().std(),
                new int[] {n.input().height(), n.input().width()}, trained.testAccuracy(), n.parameterCount(),
                training, LICENCES.get(dataset), ATTRIBUTIONS.get(dataset), description, ModelKind.CLASSIFIER);
    }
}
