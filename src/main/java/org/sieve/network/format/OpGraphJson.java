package org.sieve.network.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.network.OpGraphLayer;
import org.sieve.network.OpStep;
import org.sieve.network.TensorOp;

/**
 * An {@link OpGraphLayer} in model.json: its steps (op name from the allowlist, arguments,
 * numeric attributes) and its weights' shapes. Read back, every op name is checked against
 * {@link TensorOp}'s allowlist and every argument against what the layer has; nothing is run.
 */
final class OpGraphJson {

    /** More steps than any module of a published network needs; a larger count is a damaged file. */
    private static final int MAX_STEPS = 4096;

    private OpGraphJson() {
    }

    static void write(OpGraphLayer layer, JsonObject c) {
        JsonArray steps = new JsonArray();
        for (OpStep s : layer.steps()) {
            JsonObject step = new JsonObject();
            step.addProperty("op", s.op().name());
            JsonArray args = new JsonArray();
            s.args().forEach(args::add);
            step.add("args", args);
            JsonObject attributes = new JsonObject();
            s.attributes().forEach((k, v) -> {
                JsonArray values = new JsonArray();
                for (double d : v) {
                    values.add(d);
                }
                attributes.add(k, values);
            });
            step.add("attributes", attributes);
            steps.add(step);
        }
        c.add("steps", steps);
        JsonObject weights = new JsonObject();
        layer.weights().forEach((k, shape) -> {
            JsonArray dims = new JsonArray();
            shape.forEach(dims::add);
            weights.add(k, dims);
        });
        c.add("weight_shapes", weights);
    }

    static OpGraphLayer read(KerasConfig c, List<String> inputs) {
        try {
            Map<String, List<Long>> weights = new LinkedHashMap<>();
            JsonElement w = c.get("weight_shapes");
            if (w != null) {
                for (Map.Entry<String, JsonElement> e : w.getAsJsonObject().entrySet()) {
                    JsonArray dims = e.getValue().getAsJsonArray();
                    List<Long> shape = new ArrayList<>();
                    for (JsonElement d : dims) {
                        shape.add(d.getAsLong());
                        if (d.getAsLong() < 0) {
                            throw c.invalid("gives weight '" + e.getKey() + "' a negative size");
                        }
                    }
                    weights.put(e.getKey(), shape);
                }
            }
            JsonArray steps = c.get("steps").getAsJsonArray();
            if (steps.isEmpty() || steps.size() > MAX_STEPS) {
                throw c.invalid("has " + steps.size() + " steps");
            }
            List<OpStep> ops = new ArrayList<>();
            for (JsonElement e : steps) {
                ops.add(step(c, e.getAsJsonObject(), ops.size(), inputs.size(), weights));
            }
            return new OpGraphLayer(c.layer(), inputs, ops, weights);
        } catch (IllegalStateException | NullPointerException | UnsupportedOperationException | NumberFormatException e) {
            throw c.invalid("has steps that are not a list of ops, arguments and numeric attributes");
        }
    }

    private static OpStep step(KerasConfig c, JsonObject s, int index, int inputs, Map<String, List<Long>> weights) {
        String name = s.get("op").getAsString();
        TensorOp op = TensorOp.named(name);
        if (op == null) {
            throw c.unsupported("runs op '" + name.replaceAll("\\p{Cntrl}", "?") + "', which is not on Sieve's list of"
                    + " ops that only compute");
        }
        List<String> args = new ArrayList<>();
        for (JsonElement a : s.getAsJsonArray("args")) {
            String arg = a.getAsString();
            String ref = arg.substring(arg.indexOf(':') + 1);
            boolean ok = arg.startsWith("w:") ? weights.containsKey(ref)
                    : arg.startsWith("in:") ? Integer.parseInt(ref) >= 0 && Integer.parseInt(ref) < inputs
                    : arg.startsWith("s:") && Integer.parseInt(ref) >= 0 && Integer.parseInt(ref) < index;
            if (!ok) {
                throw c.invalid("step " + index + " reads '" + arg.replaceAll("\\p{Cntrl}", "?") + "', which the layer"
                        + " does not have");
            }
            args.add(arg);
        }
        Map<String, double[]> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : s.getAsJsonObject("attributes").entrySet()) {
            JsonArray values = e.getValue().getAsJsonArray();
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i).getAsDouble();
            }
            attributes.put(e.getKey(), v);
        }
        return new OpStep(op, args, attributes);
    }
}
