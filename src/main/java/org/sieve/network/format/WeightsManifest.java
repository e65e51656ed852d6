package org.sieve.network.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sieve.SieveException;

/**
 * model.json's "weightsManifest": groups of weights, each group stored as its weights' bytes
 * back to back and cut into shard files.
 */
record WeightsManifest(List<Group> groups) {

    /** One group: the shard files in order and the weights they hold, in order. */
    record Group(List<String> paths, List<Entry> weights) {

        long byteLength() {
            return weights.stream().mapToLong(Entry::byteLength).sum();
        }
    }

    /** One stored weight; {@code quantization} is null for plain values. */
    record Entry(String name, long[] shape, String dtype, Quantization quantization) {

        long elementCount() {
            return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
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
            return elementCount() * bytesPerValue();
        }
    }

    /**
     * tfjs weight quantisation: uint8 and uint16 hold q with value = q * scale + min; float16
     * holds half-precision values (scale and min unused).
     */
    record Quantization(String dtype, double scale, double min) {
    }

    private static final List<String> PLAIN_TYPES = List.of("float32", "int32", "bool");
    private static final List<String> QUANTISED_TYPES = List.of("uint8", "uint16", "float16");

    long parameterCount() {
        return groups.stream().flatMap(g -> g.weights().stream()).mapToLong(Entry::elementCount).sum();
    }

    static WeightsManifest parse(JsonElement json, String model) {
        if (json == null || json.isJsonNull()) {
            return new WeightsManifest(List.of());
        }
        List<Group> groups = new ArrayList<>();
        for (JsonElement g : array(json, "weightsManifest", model)) {
            JsonObject group = object(g, "weightsManifest group", model);
            List<String> paths = new ArrayList<>();
            for (JsonElement p : array(group.get("paths"), "weightsManifest group's paths", model)) {
                paths.add(p.getAsString());
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonElement w : array(group.get("weights"), "weightsManifest group's weights", model)) {
                entries.add(entry(object(w, "weightsManifest entry", model), model));
            }
            groups.add(new Group(List.copyOf(paths), List.copyOf(entries)));
        }
        return new WeightsManifest(List.copyOf(groups));
    }

    private static Entry entry(JsonObject w, String model) {
        JsonElement name = w.get("name");
        if (name == null || !name.isJsonPrimitive()) {
            throw damaged("has a weightsManifest entry without a name: " + w, model);
        }
        long[] shape = new long[array(w.get("shape"), "shape of weight '" + name.getAsString() + "'", model).size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = w.getAsJsonArray("shape").get(i).getAsLong();
            if (shape[i] < 0) {
                throw damaged("gives weight '" + name.getAsString() + "' a negative size", model);
            }
        }
        String dtype = w.has("dtype") ? w.get("dtype").getAsString() : "float32";
        Quantization q = null;
        if (w.has("quantization") && w.get("quantization").isJsonObject()) {
            JsonObject qj = w.getAsJsonObject("quantization");
            String qtype = qj.has("dtype") ? qj.get("dtype").getAsString() : "";
            if (!QUANTISED_TYPES.contains(qtype)) {
                throw unreadable(name.getAsString(), "quantisation '" + qtype + "'", model);
            }
            boolean affine = !qtype.equals("float16");
            if (affine && !(qj.has("scale") && qj.has("min"))) {
                throw damaged("quantises weight '" + name.getAsString() + "' to " + qtype + " without scale and min",
                        model);
            }
            q = new Quantization(qtype, affine ? qj.get("scale").getAsDouble() : 1,
                    affine ? qj.get("min").getAsDouble() : 0);
        } else if (!PLAIN_TYPES.contains(dtype)) {
            throw unreadable(name.getAsString(), "dtype '" + dtype + "'", model);
        }
        return new Entry(name.getAsString(), shape, dtype, q);
    }

    /** Sieve writes float32 only, so quantisation is never written. */
    JsonArray toJson() {
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
        return new SieveException("Model " + model + ": weight '" + weight + "' is stored with " + what
                + ", which Sieve cannot read. Export the weights as float32 (or tfjs uint8/uint16/float16 quantisation).");
    }

    private static SieveException damaged(String what, String model) {
        return new SieveException("Model " + model + ": model.json " + what + ". Export the model again.");
    }
}
