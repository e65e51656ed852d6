package org.sieve.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.DecoderIndex;
import org.sieve.network.format.ModelCatalogue;
import org.sieve.train.Technique;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sieve models}: the bundled models and any in --model-dir. */
@Command(name = "models",
        header = "List the bundled models.",
        description = "Lists the models Sieve can analyse: id, name, kind (classifier, detector or feature extractor,"
                + " which predicts nothing), input size, dataset, test accuracy, parameters, size, how many layers"
                + " have a decoder (for --metric ru; see 'sieve train-decoders'), and the technique a variant was"
                + " trained with against which baseline.")
final class ModelsCommand extends Subcommand {

    @Mixin
    CatalogueOption catalogueOption;

    @Option(names = "--json", description = "Print a JSON list instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintStream out = out();
        ModelCatalogue catalogue = catalogueOption.catalogue();
        List<ModelMetadata> models = catalogue.list();
        List<ModelCatalogue.Broken> broken = catalogue.broken();
        if (json) {
            JsonArray list = new JsonArray();
            for (ModelMetadata m : models) {
                JsonObject j = new JsonObject();
                j.addProperty("id", m.id());
                j.addProperty("name", m.name());
                j.addProperty("kind", m.kind().type().json());
                j.addProperty("scoresOutput", m.kind().scoresOutput());
                j.addProperty("dataset", m.dataset());
                j.addProperty("testAccuracy", m.testAccuracy());
                j.addProperty("parameters", m.parameters());
                JsonArray shape = new JsonArray();
                shape.add(m.input().height());
                shape.add(m.input().width());
                shape.add(m.input().channels());
                j.add("inputShape", shape);
                j.addProperty("labels", m.labels().size());
                j.addProperty("sizeBytes", size(catalogue.folderOf(m.id())));
                j.addProperty("path", String.valueOf(catalogue.folderOf(m.id())));
                j.addProperty("decoders", DecoderIndex.layerCount(catalogue.folderOf(m.id())));
                if (m.training().has("technique")) {
                    j.add("technique", m.training().get("technique"));
                    j.add("baseline", m.training().get("baseline"));
                }
                list.add(j);
            }
            for (ModelCatalogue.Broken b : broken) {
                JsonObject j = new JsonObject();
                j.addProperty("path", b.dir().toString());
                j.addProperty("broken", b.reason());
                list.add(j);
            }
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(list));
            return 0;
        }
        if (models.isEmpty() && broken.isEmpty()) {
            out.println("No models found in " + catalogue.folders() + ".");
            return 0;
        }
        TextTable table = new TextTable("ID", "NAME", "KIND", "INPUT", "DATASET", "ACCURACY",
                "PARAMETERS", "SIZE", "DECODERS", "TECHNIQUE").alignRight(5, 6, 7, 8);
        for (ModelMetadata m : models) {
            table.add(m.id(), m.name(), m.kind().describe(),
                    m.input().toString(), m.dataset() == null ? "-" : m.dataset(),
                    m.testAccuracy() == null ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * m.testAccuracy()),
                    String.format(Locale.ROOT, "%,d", m.parameters()),
                    String.format(Locale.ROOT, "%.1f MB", size(catalogue.folderOf(m.id())) / 1e6),
                    String.valueOf(DecoderIndex.layerCount(catalogue.folderOf(m.id()))), Technique.describe(m.training()));
        }
        table.print(out);
        if (!broken.isEmpty()) {
            out.println();
            out.println("Not usable (fix or remove these folders):");
            broken.forEach(b -> out.println("  " + b.dir() + ": " + b.reason()));
        }
        return 0;
    }

    private static long size(Path dir) {
        if (dir == null) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
