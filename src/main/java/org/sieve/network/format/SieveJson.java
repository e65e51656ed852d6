package org.sieve.network.format;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.image.ModelInput;
import org.sieve.io.BoundedFiles;
import org.sieve.io.JsonValues;
import org.sieve.io.SafeNames;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Network;
import org.sieve.network.format.common.MetadataCheck;
import org.sieve.network.format.common.TfjsFiles;

/**
 * sieve.json, the metadata file beside model.json. Every field is optional: what is missing is
 * derived from the network, so a plain TensorFlow.js model loads too. What is present must agree
 * with the network.
 */
public final class SieveJson {

    public static final String FILE = "sieve.json";

    private SieveJson() {
    }

    /** Reads {@code dir/sieve.json}, or derives defaults (id = folder name) when there is none. */
    public static ModelMetadata read(Path dir, Network network) {
        return read(dir, network, network.parameterCount());
    }

    /** As {@link #read(Path, Network)}, for a network read without its weights. */
    static ModelMetadata read(Path dir, Network network, long parameters) {
        Path file = dir.resolve(FILE);
        Path folderName = dir.toAbsolutePath().normalize().getFileName();
        ModelMetadata d = ModelMetadata.defaults(folderName == null ? "model"
                : SafeNames.fileNamePart(folderName.toString()), network, parameters);
        if (!Files.exists(file)) {
            return d;
        }
        MetadataFields f = new MetadataFields(parse(file), file);
        String id = f.text("id", d.id());
        ModelMetadata m = new ModelMetadata(id, f.text("name", id), f.text("task", d.task()),
                f.text("dataset", null), f.texts("labels"),
                new ModelInput(f.integer("inputHeight", d.input().height()), f.integer("inputWidth",
                        d.input().width()), f.integer("inputChannels", d.input().channels())),
                f.floats("normalizationMean", d.normalizationMean()), f.floats("normalizationStd", d.normalizationStd()),
                f.ints("sigmaGrid"), f.fraction("testAccuracy"), f.count("parameters", parameters),
                f.object("training"), f.text("licence", null), f.text("attribution", null),
                f.text("description", null), f.kind());
        MetadataCheck.check(m, network, file);
        return m;
    }

    /** Writes {@code dir/sieve.json} atomically. */
    public static void write(ModelMetadata metadata, Path dir) {
        AtomicFolderWrite.write(dir, Map.of(FILE, encode(metadata)));
    }

    static byte[] encode(ModelMetadata m) {
        JsonObject o = new JsonObject();
        o.addProperty("id", m.id());
        o.addProperty("name", m.name());
        o.addProperty("task", m.task());
        o.addProperty("dataset", m.dataset());
        JsonArray labels = new JsonArray();
        m.labels().forEach(labels::add);
        o.add("labels", labels);
        o.addProperty("inputHeight", m.input().height());
        o.addProperty("inputWidth", m.input().width());
        o.addProperty("inputChannels", m.input().channels());
        o.add("normalizationMean", floats(m.normalizationMean()));
        o.add("normalizationStd", floats(m.normalizationStd()));
        if (m.sigmaGrid() != null) {
            JsonArray grid = new JsonArray();
            grid.add(m.sigmaGrid()[0]);
            grid.add(m.sigmaGrid()[1]);
            o.add("sigmaGrid", grid);
        }
        o.addProperty("testAccuracy", m.testAccuracy());
        o.addProperty("parameters", m.parameters());
        o.add("training", m.training());
        o.addProperty("licence", m.licence());
        o.addProperty("attribution", m.attribution());
        o.addProperty("description", m.description());
        o.addProperty("kind", m.kind().type().json());
        if (m.kind().scoresOutput() != null) {
            o.addProperty("scoresOutput", m.kind().scoresOutput());
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject parse(Path file) {
        try {
            JsonElement root = JsonParser.parseString(new String(BoundedFiles.read(file, TfjsFiles.MAX_JSON_BYTES),
                    StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw MetadataCheck.bad(file, "is not a JSON object; fix it or delete it to use defaults");
            }
            return root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new SieveException(file + " is not valid JSON (" + JsonValues.problem(e)
                    + "). Fix it, or delete it to use defaults derived from model.json.", e);
        } catch (IOException e) {
            throw new SieveException("Cannot read " + file + " (" + e.getMessage() + "). Check that it is readable.", e);
        }
    }

    private static JsonArray floats(float[] values) {
        JsonArray a = new JsonArray();
        for (float v : values) {
            a.add(v);
        }
        return a;
    }
}
