package org.sieve.network.format.common;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.sieve.SieveException;
import org.sieve.io.JsonValues;
import org.sieve.io.Sizes;
import org.sieve.model.Model;

/**
 * model.json's "weightsManifest": groups of weights, each group stored as its weights' bytes
 * back to back and cut into shard files.
 */
public record WeightsManifest(List<Group> groups) {

    /** One group: the shard files in order and the weights they hold, in order. */
    public record Group(List<String> paths, List<Entry> weights) {

        long byteLength() {
            return weights.stream().mapToLong(Entry::byteLength).sum();
        }
    }

    /** One stored weight; {@code quantization} is null for plain values. */
    public record Entry(String name, long[] shape, String dtype, Quantization quantization) {

        long elementCount() {
            return Sizes.product(shape).orElseThrow();
        }

        /** Stored width of one value: the quantised type's if quantised. */
        int bytesPerValue() {
            String stored = quantization == null ? dtype : quantization.dtype();
            return switch (stored) {
                case "float32", "int32" -> 4;
                case "uint16", "float16" -> 2;
                default -> 1;
            };
        }

        long byteLength() {
            return Math.multiplyExact(elementCount(), bytesPerValue());
        }
    }

    /**
     * tfjs weight quantisation: uint8 and uint16 hold q with value = q * scale + min; float16
     * holds half-precision values (scale and min unused).
     */
    public record Quantization(String dtype, double scale, double min) {
    }

    /** Values of one weight at most: 2 GB of float32, what one Java array holds. */
    public static final long MAX_VALUES = (Integer.MAX_VALUE - 8) / 4;
    /** Bytes of one weight group at most, as {@link TfjsFiles} reads a group into one array. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private static final List<String> PLAIN_TYPES = List.of("float32", "int32", "bool");
    private static final List<String> QUANTISED_TYPES = List.of("uint8", "uint16", "float16");

    public long parameterCount() {
        return groups.stream().flatMap(g -> g.weights().stream()).mapToLong(Entry::elementCount).sum();
    }

    public static WeightsManifest parse(JsonElement json, String model) {
        if (json == null || json.isJsonNull()) {
            return new WeightsManifest(List.of());
        }
        List<Group> groups = new ArrayList<>();
        for (JsonElement g : array(json, "weightsManifest", model)) {
            JsonObject group = object(g, "weightsManifest group", model);
            List<String> paths = new ArrayList<>();
            for (JsonElement p : array(group.get("paths"), "weightsManifest group's paths", model)) {
                paths.add(JsonValues.text(p).filter(WeightsManifest::plainFileName).orElseThrow(() -> damaged(
                        "names shard '" + (p.isJsonPrimitive() ? MetadataCheck.quoted(p.getAsString()).replaceAll(
                        "^\"|\"$", "") : shorten(p)) + "', which lies outside the model folder or is not a plain"
                        + " file name; keep the shard files beside model.json", model)));
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonElement w : array(group.get("weights"), "weightsManifest group's weights", model)) {
                entries.add(entry(object(w, "weightsManifest entry", model), model));
            }
            groups.add(new Group(List.copyOf(paths), List.copyOf(entries)));
        }
        WeightsManifest manifest = new WeightsManifest(List.copyOf(groups));
        for (Group g : groups) {
            if (g.weights().stream().mapToLong(Entry::byteLength).reduce(0, Sizes::sumAtMost) > MAX_BYTES) {
                throw damaged("lists weights " + g.weights().stream().map(Entry::name).toList() + " of more than "
                        + MAX_BYTES + " bytes in one group, more than Sieve reads", model);
            }
        }
        return manifest;
    }

    /** A shard named as tfjs names them: no folder, no parent, no control character. */
    private static boolean plainFileName(String name) {
        return !name.isEmpty() && !name.startsWith(".") && name.chars().noneMatch(c -> c < 32 || c == '/'
                || c == '\\' || c == 127);
    }

    private static Entry entry(JsonObject w, String model) {
        String name = JsonValues.text(w.get("name")).orElseThrow(() -> damaged(
                "has a weightsManifest entry without a name: " + shorten(w), model));
        String quoted = MetadataCheck.quoted(name);
        JsonArray dims = array(w.get("shape"), "shape of weight " + quoted, model);
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = JsonValues.whole(dims.get(i), 0, MAX_VALUES).orElseThrow(() -> damaged("gives weight " + quoted
                    + " the shape " + shorten(dims) + "; each size must be a whole number from 0 to " + MAX_VALUES,
                    model));
        }
        if (Sizes.productAtMost(MAX_VALUES, shape).isEmpty()) {
            throw damaged("gives weight " + quoted + " the shape " + shorten(dims) + ", more than " + MAX_VALUES
                    + " values", model);
        }
        String dtype = w.has("dtype") ? JsonValues.text(w.get("dtype")).orElseThrow(() -> damaged("gives weight "
                + quoted + " the dtype " + shorten(w.get("dtype")) + " where a type name was expected", model))
                : "float32";
        Quantization q = null;
        if (w.has("quantization") && !w.get("quantization").isJsonNull()) {
            JsonObject qj = object(w.get("quantization"), "quantization of weight " + quoted, model);
            String qtype = JsonValues.text(qj.get("dtype")).orElse("");
            if (!QUANTISED_TYPES.contains(qtype)) {
                throw unreadable(name, "quantisation " + MetadataCheck.quoted(qtype), model);
            }
            boolean affine = !qtype.equals("float16");
            OptionalDouble scale = JsonValues.finite(qj.get("scale"));
            OptionalDouble min = JsonValues.finite(qj.get("min"));
            if (affine && (scale.isEmpty() || min.isEmpty())) {
                throw damaged("quantises weight " + quoted + " to " + qtype + " without finite numbers as scale"
                        + " and min", model);
            }
            q = new Quantization(qtype, affine ? scale.getAsDouble() : 1, affine ? min.getAsDouble() : 0);
        } else if (!PLAIN_TYPES.contains(dtype)) {
            throw unreadable(name, "dtype " + MetadataCheck.quoted(dtype), model);
        }
        return new Entry(name, shape, dtype, q);
    }

    /** A value from the file for a message, as JSON (control characters escaped), at most a line. */
    private static String shorten(JsonElement e) {
        String text = String.valueOf(e);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** Sieve writes float32 only, so quantisation is never written. */
    public JsonArray toJson() {
        JsonArray list = new JsonArray();
        for (Group g : groups) {
            JsonArray paths = new JsonArray();
            g.paths().forEach(paths::add);
            JsonArray weights = new JsonArray();
            for (Entry e : g.weights()) {
                JsonObject w = new JsonObject();
                w.addProperty("name", e.name());
                JsonArray shape = new JsonArray();
                Arrays.stream(e.shape()).forEach(shape::add);
                w.add("shape", shape);
                w.addProperty("dtype", e.dtype());
                weights.add(w);
            }
            JsonObject group = new JsonObject();
            group.add("paths", paths);
            group.add("weights", weights);
            list.add(group);
        }
        return list;
    }

    private static JsonArray array(JsonElement e, String what, String model) {
        if (e == null || !e.isJsonArray()) {
            throw damaged("has no readable " + what, model);
        }
        return e.getAsJsonArray();
    }

    private static JsonObject object(JsonElement e, String what, String model) {
        if (e == null || !e.isJsonObject()) {
            throw damaged("has an unreadable " + what, model);
        }
        return e.getAsJsonObject();
    }

    private static SieveException unreadable(String weight, String what, String model) {
        return new SieveException("Model " + model + ": weight " + MetadataCheck.quoted(weight) + " is stored with " + what
                + ", which Sieve cannot read. Export the weights as float32 (or tfjs uint8/uint16/float16 quantisation).");
    }

    private static SieveException damaged(String what, String model) {
        return new SieveException("Model " + model + ": model.json " + what + ". Export the model again.");
    }
}
