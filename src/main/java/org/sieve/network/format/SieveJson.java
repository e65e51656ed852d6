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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.sieve.SieveException;
import org.sieve.network.ActivationLayer;
import org.sieve.network.Dense;
import org.sieve.network.Dropout;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Network;

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
        ModelMetadata d = ModelMetadata.defaults(folderName == null ? "model" : folderName.toString(), network,
                parameters);
        if (!Files.isRegularFile(file)) {
            return d;
        }
        Fields f = new Fields(parse(file), file);
        String id = f.text("id", d.id());
        ModelMetadata m = new ModelMetadata(id, f.text("name", id), f.text("task", d.task()),
                f.text("dataset", null), f.texts("labels"), f.integer("inputHeight", d.inputHeight()),
                f.integer("inputWidth", d.inputWidth()), f.integer("inputChannels", d.inputChannels()),
                f.floats("normalizationMean", d.normalizationMean()), f.floats("normalizationStd", d.normalizationStd()),
                f.ints("sigmaGrid"), f.fraction("testAccuracy"), f.count("parameters", parameters),
                f.object("training"), f.text("licence", null), f.text("attribution", null),
                f.text("description", null));
        check(m, network, file);
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
        o.addProperty("inputHeight", m.inputHeight());
        o.addProperty("inputWidth", m.inputWidth());
        o.addProperty("inputChannels", m.inputChannels());
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
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Fails naming {@code file} and the field when the metadata disagrees with the network. */
    static void check(ModelMetadata m, Network network, Path file) {
        InputLayer in = network.input();
        if (m.id().isBlank()) {
            throw bad(file, "id is empty; give the model a short name such as \"lenet5-mnist\"");
        }
        if (m.inputHeight() != in.height() || m.inputWidth() != in.width() || m.inputChannels() != in.channels()) {
            throw bad(file, "inputHeight x inputWidth x inputChannels is " + m.inputHeight() + "x" + m.inputWidth()
                    + "x" + m.inputChannels() + " but model.json's input layer '" + in.name() + "' takes "
                    + in.height() + "x" + in.width() + "x" + in.channels() + "; fix the sizes or remove them");
        }
        checkPerChannel(file, "normalizationMean", m.normalizationMean(), in.channels(), false);
        checkPerChannel(file, "normalizationStd", m.normalizationStd(), in.channels(), true);
        OptionalInt units = outputUnits(network);
        if (!m.labels().isEmpty() && units.isPresent() && m.labels().size() != units.getAsInt()) {
            throw bad(file, "labels has " + m.labels().size() + " entries but output layer '" + network.output().name()
                    + "' has " + units.getAsInt() + " units; give one label per unit, or none");
        }
        int[] grid = m.sigmaGrid();
        if (grid != null && (grid.length != 2 || grid[0] < 1 || grid[1] < 1 || grid[0] > in.height()
                || grid[1] > in.width())) {
            throw bad(file, "sigmaGrid must be [rows, columns], each from 1 to the input size (" + in.height() + "x"
                    + in.width() + "), e.g. [" + in.height() + ", " + in.width() + "]");
        }
        Double acc = m.testAccuracy();
        if (acc != null && !(acc >= 0 && acc <= 1)) {
            throw bad(file, "testAccuracy is " + acc + " but must be a fraction from 0 to 1, e.g. 0.991 for 99.1%");
        }
        if (m.parameters() < 0) {
            throw bad(file, "parameters is " + m.parameters() + " but must not be negative");
        }
    }

    private static void checkPerChannel(Path file, String field, float[] values, int channels, boolean positive) {
        if (values.length != channels) {
            throw bad(file, field + " has " + values.length + " values but the model takes " + channels
                    + " channel(s); give one value per channel");
        }
        for (int c = 0; c < channels; c++) {
            if (!Float.isFinite(values[c]) || positive && values[c] <= 0) {
                throw bad(file, field + "[" + c + "] is " + values[c] + " but must be a "
                        + (positive ? "number > 0" : "finite number"));
            }
        }
    }

    /** The output layer's units when it is a Dense layer, possibly behind activations or dropout. */
    private static OptionalInt outputUnits(Network network) {
        Layer layer = network.output();
        while (layer instanceof ActivationLayer || layer instanceof Dropout) {
            String input = layer.inputs().get(0);
            layer = network.layers().stream().filter(l -> l.name().equals(input)).findFirst().orElseThrow();
        }
        return layer instanceof Dense d ? OptionalInt.of(d.units()) : OptionalInt.empty();
    }

    private static JsonObject parse(Path file) {
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw bad(file, "is not a JSON object; fix it or delete it to use defaults");
            }
            return root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new SieveException(file + " is not valid JSON (" + e.getMessage()
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

    private static SieveException bad(Path file, String what) {
        return new SieveException(file + ": " + what + ".");
    }

    /** Typed, optional fields of one sieve.json; a value of the wrong type names its field. */
    private record Fields(JsonObject json, Path file) {

        private JsonElement get(String key) {
            JsonElement e = json.get(key);
            return e == null || e.isJsonNull() ? null : e;
        }

        String text(String key, String fallback) {
            JsonElement e = get(key);
            if (e == null) {
                return fallback;
            }
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw wrongType(key, "a string");
            }
            return e.getAsString();
        }

        List<String> texts(String key) {
            JsonElement e = get(key);
            if (e == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (JsonElement v : array(key, "a list of strings")) {
                if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                    throw wrongType(key, "a list of strings");
                }
                out.add(v.getAsString());
            }
            return out;
        }

        int integer(String key, int fallback) {
            JsonElement e = get(key);
            if (e == null) {
                return fallback;
            }
            return wholeInt(e, key, "an integer");
        }

        long count(String key, long fallback) {
            JsonElement e = get(key);
            return e == null ? fallback : whole(e, key, "an integer");
        }

        float[] floats(String key, float[] fallback) {
            JsonElement e = get(key);
            if (e == null) {
                return fallback;
            }
            JsonArray a = array(key, "a list of numbers, one per channel");
            float[] out = new float[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = number(a.get(i), key, "a list of numbers, one per channel").floatValue();
            }
            return out;
        }

        int[] ints(String key) {
            JsonElement e = get(key);
            if (e == null) {
                return null;
            }
            JsonArray a = array(key, "a list of integers");
            int[] out = new int[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = wholeInt(a.get(i), key, "a list of integers");
            }
            return out;
        }

        Double fraction(String key) {
            JsonElement e = get(key);
            return e == null ? null : number(e, key, "a number from 0 to 1").doubleValue();
        }

        JsonObject object(String key) {
            JsonElement e = get(key);
            if (e != null && !e.isJsonObject()) {
                throw wrongType(key, "an object");
            }
            return e == null ? new JsonObject() : e.getAsJsonObject();
        }

        private JsonArray array(String key, String expected) {
            JsonElement e = get(key);
            if (!e.isJsonArray()) {
                throw wrongType(key, expected);
            }
            return e.getAsJsonArray();
        }

        private Number number(JsonElement e, String key, String expected) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                throw wrongType(key, expected);
            }
            return e.getAsNumber();
        }

        private long whole(JsonElement e, String key, String expected) {
            double d = number(e, key, expected).doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw wrongType(key, expected);
            }
            return (long) d;
        }

        private int wholeInt(JsonElement e, String key, String expected) {
            long v = whole(e, key, expected);
            if (v != (int) v) {
                throw wrongType(key, expected);
            }
            return (int) v;
        }

        private SieveException wrongType(String key, String expected) {
            return bad(file, key + " must be " + expected + ", not " + json.get(key));
        }
    }
}
