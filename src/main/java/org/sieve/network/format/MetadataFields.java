package org.sieve.network.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.model.ModelKind;
import org.sieve.network.format.common.MetadataCheck;

/** Typed, optional fields of one sieve.json; a value of the wrong type names its field. */
record MetadataFields(JsonObject json, Path file) {

    private JsonElement get(String key) {
        JsonElement e = json.get(key);
        return e == null || e.isJsonNull() ? null : e;
    }

    String text(String key, String fallback) {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || !printable(e.getAsString())) {
            throw wrongType(key, "a string without control characters");
        }
        return e.getAsString();
    }

    /** Text shown in a terminal or window: no escape sequences, only line breaks and tabs. */
    private static boolean printable(String text) {
        return text.chars().allMatch(c -> !Character.isISOControl(c) || c == '\n' || c == '\t');
    }

    List<String> texts(String key) {
        JsonElement e = get(key);
        if (e == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonElement v : array(key, "a list of strings")) {
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString() || !printable(v.getAsString())) {
                throw wrongType(key, "a list of strings without control characters");
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

    /** {@code kind} (default classifier) and, for a detector, {@code scoresOutput}: the layer holding its heatmap. */
    ModelKind kind() {
        String text = text("kind", ModelKind.Type.CLASSIFIER.json());
        ModelKind.Type type = ModelKind.Type.parse(text);
        if (type == null) {
            throw MetadataCheck.bad(file, "kind is \"" + text + "\" but must be \"classifier\", \"detector\" or"
                    + " \"feature-extractor\"");
        }
        String output = text("scoresOutput", null);
        if (type == ModelKind.Type.DETECTOR) {
            if (output == null) {
                throw MetadataCheck.bad(file, "kind \"detector\" needs scoresOutput: the layer whose output holds a"
                        + " score per position and class");
            }
            return ModelKind.detector(output);
        }
        if (output != null) {
            throw MetadataCheck.bad(file, "scoresOutput is given but kind is \"" + text + "\"; only a detector"
                    + " derives its class scores from a named output");
        }
        return new ModelKind(type, null);
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
        return MetadataCheck.bad(file, key + " must be " + expected + ", not " + json.get(key));
    }
}
