package org.sieve.network.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.network.Activation;

/**
 * Typed reads from one Keras layer's config, so every missing or odd value fails with a message
 * that names the model folder, the layer and the key.
 */
final class KerasConfig {

    private final JsonObject config;
    private final String model;
    private final String layer;
    private final String className;

    KerasConfig(JsonObject config, String model, String layer, String className) {
        this.config = config;
        this.model = model;
        this.layer = layer;
        this.className = className;
    }

    String layer() {
        return layer;
    }

    /** The value at {@code key}, or null when absent or JSON null. */
    JsonElement get(String key) {
        JsonElement e = config.get(key);
        return e == null || e.isJsonNull() ? null : e;
    }

    int integer(String key) {
        JsonElement e = get(key);
        if (e == null) {
            throw invalid("has no '" + key + "' in its config");
        }
        return asInt(e, key);
    }

    int integer(String key, int fallback) {
        JsonElement e = get(key);
        return e == null ? fallback : asInt(e, key);
    }

    float number(String key, float fallback) {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw invalid("has '" + key + "' = " + e + " where a number was expected");
        }
        return e.getAsFloat();
    }

    boolean flag(String key, boolean fallback) {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw invalid("has '" + key + "' = " + e + " where true or false was expected");
        }
        return e.getAsBoolean();
    }

    String text(String key, String fallback) {
        JsonElement e = get(key);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw invalid("has '" + key + "' = " + e + " where a string was expected");
        }
        return e.getAsString();
    }

    /** Keras writes window sizes either as one int or as [rows, cols]. */
    int[] pair(String key, int[] fallback) {
        JsonElement e = get(key);
        if (e == null) {
            if (fallback == null) {
                throw invalid("has no '" + key + "' in its config");
            }
            return fallback.clone();
        }
        return pair(e, key);
    }

    /** A window, stride or dilation: a pair as {@link #pair(String, int[])} whose sizes are at least 1. */
    int[] sizes(String key, int[] fallback) {
        int[] values = pair(key, fallback);
        if (values[0] < 1 || values[1] < 1) {
            throw invalid("has '" + key + "' = [" + values[0] + ", " + values[1] + "]; each size must be at least 1");
        }
        return values;
    }

    /** A number of units, filters or pixels: at least 1. */
    int count(String key) {
        int v = integer(key);
        if (v < 1) {
            throw invalid("has '" + key + "' = " + v + "; it must be at least 1");
        }
        return v;
    }

    int count(String key, int fallback) {
        return get(key) == null ? fallback : count(key);
    }

    /** One int meaning both sizes, or [rows, cols]. */
    int[] pair(JsonElement e, String key) {
        if (e.isJsonPrimitive()) {
            int v = asInt(e, key);
            return new int[] {v, v};
        }
        int[] values = ints(e, key);
        if (values.length != 2) {
            throw invalid("has '" + key + "' = " + e + " where [rows, cols] was expected");
        }
        return values;
    }

    /** One axis, written as an int or a one-element list; several axes are not supported. */
    int axis(int fallback) {
        JsonElement e = get("axis");
        if (e == null) {
            return fallback;
        }
        int[] axes = e.isJsonArray() ? ints(e, "axis") : new int[] {asInt(e, "axis")};
        if (axes.length != 1) {
            throw unsupported("works over several axes " + e + "; Sieve supports one axis");
        }
        return axes[0];
    }

    int[] ints(String key) {
        return ints(get(key), key);
    }

    private int[] ints(JsonElement e, String key) {
        if (e == null || !e.isJsonArray()) {
            throw invalid("has '" + key + "' = " + e + " where a list of integers was expected");
        }
        JsonArray a = e.getAsJsonArray();
        int[] values = new int[a.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = asInt(a.get(i), key);
        }
        return values;
    }

    String padding() {
        String p = text("padding", "valid");
        if (!p.equals("valid") && !p.equals("same")) {
            throw unsupported("uses padding '" + p + "'; Sieve supports 'valid' and 'same'");
        }
        return p;
    }

    /** Sieve builds NHWC graphs only. */
    void requireChannelsLast() {
        String format = text("data_format", "channels_last");
        if (!format.equals("channels_last")) {
            throw unsupported("uses data_format '" + format + "'; Sieve supports 'channels_last' only");
        }
    }

    Activation activation() {
        JsonElement e = get("activation");
        if (e != null && !(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString())) {
            throw unsupported("uses a custom activation " + e);
        }
        try {
            return Activation.fromKeras(e == null ? "linear" : e.getAsString(), layer);
        } catch (SieveException ex) {
            throw new SieveException("Model " + model + ": " + ex.getMessage(), ex);
        }
    }

    SieveException invalid(String what) {
        return new SieveException("Model " + model + ": layer '" + layer + "' (" + className + ") " + what
                + ". Fix model.json or export the model again.");
    }

    SieveException unsupported(String what) {
        return new SieveException("Model " + model + ": layer '" + layer + "' (" + className + ") " + what
                + ". Sieve cannot analyse this model as it is.");
    }

    private int asInt(JsonElement e, String key) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw invalid("has '" + key + "' = " + e + " where an integer was expected");
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw invalid("has '" + key + "' = " + e + " where an integer was expected");
        }
        return (int) d;
    }
}
