package org.sieve.network.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.network.OpGraphLayer;
import org.sieve.network.OpStep;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;

/**
 * An {@link OpGraphLayer} in model.json, class "TensorFlowOps": its steps (op type, arguments,
 * attributes as serialised AttrValue protocol buffers in base64, which output) and its weights'
 * shapes. An argument is a reference string ({@code in:K}, {@code s:K}, {@code w:NAME}) or a
 * constant object (type, shape, values); a weight fed as float64 is {@code {"weight", "type"}}.
 * Read back, every op is checked against {@link OpStep#COMPUTE_OPS} and every reference against
 * what the layer has; nothing is run. The one-op form an earlier version wrote ("TensorFlowOp")
 * is read into a one-step layer.
 */
final class OpGraphJson {

    /** The single-op form written before op layers became graphs of steps. */
    static final String SINGLE_OP_CLASS = "TensorFlowOp";

    /** The ONNX step form written before it, whose steps were Sieve's own, not TensorFlow ops. */
    static final String RETIRED_CLASS = "SieveOps";

    /** More steps than any module of a published network needs; a larger count is a damaged file. */
    private static final int MAX_STEPS = 4096;

    private OpGraphJson() {
    }

    static void write(OpGraphLayer layer, JsonObject c) {
        JsonArray steps = new JsonArray();
        for (OpStep s : layer.steps()) {
            JsonObject step = new JsonObject();
            step.addProperty("op", s.op());
            JsonArray args = new JsonArray();
            s.args().forEach(a -> args.add(arg(a)));
            step.add("args", args);
            JsonObject attrs = new JsonObject();
            s.attrs().forEach((k, v) -> attrs.addProperty(k, Base64.getEncoder().encodeToString(v.toByteArray())));
            step.add("attrs", attrs);
            if (s.output() != 0) {
                step.addProperty("output", s.output());
            }
            steps.add(step);
        }
        c.add("steps", steps);
        JsonObject weights = new JsonObject();
        layer.weights().forEach((k, shape) -> weights.add(k, longs(shape)));
        c.add("weight_shapes", weights);
    }

    static OpGraphLayer read(KerasConfig c, List<String> inputs) {
        try {
            Map<String, long[]> weights = new LinkedHashMap<>();
            if (c.get("weight_shapes") instanceof JsonObject w) {
                w.entrySet().forEach(e -> weights.put(e.getKey(), longs(e.getValue())));
            }
            JsonArray steps = c.get("steps").getAsJsonArray();
            if (steps.isEmpty() || steps.size() > MAX_STEPS) {
                throw c.invalid("has " + steps.size() + " steps");
            }
            List<OpStep> ops = new ArrayList<>();
            for (JsonElement e : steps) {
                JsonObject s = e.getAsJsonObject();
                List<OpStep.Arg> args = new ArrayList<>();
                for (JsonElement a : s.getAsJsonArray("args")) {
                    args.add(arg(c, a, weights));
                }
                ops.add(step(c, s.get("op").getAsString(), args, s.get("attrs"), s.has("output") ? s.get("output").getAsInt() : 0));
            }
            return new OpGraphLayer(c.layer(), inputs, ops);
        } catch (IllegalStateException | NullPointerException | UnsupportedOperationException | ClassCastException
                | ArithmeticException e) {
            throw c.invalid("has steps that are not a list of ops, arguments and attributes");
        } catch (IllegalArgumentException e) {
            throw c.invalid("has a step Sieve cannot read (" + e.getMessage() + ")");
        }
    }

    /** The earlier one-op form: op, attrs, operands ({input}, {weight, shape[, type]}, {type, shape, values}), output_index. */
    static OpGraphLayer readSingleOp(KerasConfig c, List<String> inputs) {
        try {
            List<OpStep.Arg> args = new ArrayList<>();
            for (JsonElement e : c.get("operands").getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                if (o.has("weight")) {
                    String weight = o.get("weight").getAsString();
                    long[] shape = longs(o.get("shape"));
                    args.add(o.has("type") && o.get("type").getAsString().equals(DataType.DT_DOUBLE.name())
                            ? OpStep.Arg.doubleWeight(weight, shape) : OpStep.Arg.weight(weight, shape));
                } else if (o.has("values")) {
                    args.add(constant(o));
                } else {
                    args.add(OpStep.Arg.input(o.get("input").getAsInt()));
                }
            }
            OpStep step = step(c, c.text("op", ""), args, c.get("attrs"), c.integer("output_index", 0));
            return OpGraphLayer.of(c.layer(), inputs, step);
        } catch (IllegalStateException | NullPointerException | UnsupportedOperationException | ClassCastException e) {
            throw c.invalid("has operands Sieve cannot read");
        } catch (IllegalArgumentException e) {
            throw c.invalid("has an operand Sieve cannot read (" + e.getMessage() + ")");
        }
    }

    /** The retired ONNX form is refused: its steps depended on shapes the file does not record. */
    static SieveException retired(String layer, String model) {
        return new SieveException("Model " + model + ": layer '" + layer + "' was saved by an earlier Sieve as "
                + RETIRED_CLASS + ", a form it no longer reads. Import the ONNX file again.");
    }

    private static OpStep step(KerasConfig c, String op, List<OpStep.Arg> args, JsonElement attrsJson, int output) {
        if (!OpStep.COMPUTE_OPS.contains(op)) {
            throw c.unsupported("runs TensorFlow op '" + op.replaceAll("\\p{Cntrl}", "?")
                    + "', which is not among the ops Sieve computes");
        }
        Map<String, AttrValue> attrs = new LinkedHashMap<>();
        if (attrsJson instanceof JsonObject a) {
            for (Map.Entry<String, JsonElement> e : a.entrySet()) {
                try {
                    attrs.put(e.getKey(), AttrValue.parseFrom(Base64.getDecoder().decode(e.getValue().getAsString())));
                } catch (InvalidProtocolBufferException | IllegalArgumentException | UnsupportedOperationException
                        | IllegalStateException x) {
                    throw c.invalid("has attribute '" + e.getKey() + "' that is not a TensorFlow AttrValue");
                }
            }
        }
        return new OpStep(op, args, attrs, output);
    }

    private static JsonElement arg(OpStep.Arg a) {
        if (a.ref() != null && a.type() != DataType.DT_DOUBLE) {
            return new JsonPrimitive(a.ref());
        }
        JsonObject o = new JsonObject();
        o.addProperty("type", a.type().name());
        if (a.ref() != null) {
            o.addProperty("weight", a.target());
            return o;
        }
        o.add("shape", longs(a.shape()));
        JsonArray values = new JsonArray();
        if (a.floats() != null) {
            for (float f : a.floats()) {
                values.add(f);
            }
        } else {
            for (long v : a.ints()) {
                values.add(v);
            }
        }
        o.add("values", values);
        return o;
    }

    private static OpStep.Arg arg(KerasConfig c, JsonElement e, Map<String, long[]> weights) {
        if (e instanceof JsonPrimitive p) {
            String ref = p.getAsString();
            if (!ref.startsWith("w:")) {
                return OpStep.Arg.ref(ref);
            }
            return OpStep.Arg.weight(ref.substring(2), shapeOf(c, ref.substring(2), weights));
        }
        JsonObject o = e.getAsJsonObject();
        if (o.has("weight")) {
            String weight = o.get("weight").getAsString();
            return OpStep.Arg.doubleWeight(weight, shapeOf(c, weight, weights));
        }
        return constant(o);
    }

    private static long[] shapeOf(KerasConfig c, String weight, Map<String, long[]> weights) {
        long[] shape = weights.get(weight);
        if (shape == null) {
            throw c.invalid("reads weight '" + weight.replaceAll("\\p{Cntrl}", "?") + "', whose shape it does not give");
        }
        return shape;
    }

    private static OpStep.Arg constant(JsonObject o) {
        DataType type = DataType.valueOf(o.get("type").getAsString());
        long[] shape = longs(o.get("shape"));
        JsonArray values = o.getAsJsonArray("values");
        long size = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("a constant of negative size");
            }
            size = Math.multiplyExact(size, d);
        }
        if (size != values.size()) {
            throw new IllegalArgumentException("a constant of shape " + java.util.Arrays.toString(shape) + " has "
                    + values.size() + " values");
        }
        if (type == DataType.DT_FLOAT) {
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i).getAsFloat();
            }
            return new OpStep.Arg(null, shape, type, null, v);
        }
        if (type != DataType.DT_INT32 && type != DataType.DT_INT64 && type != DataType.DT_BOOL) {
            throw new IllegalArgumentException("a constant of type " + type);
        }
        return OpStep.Arg.constant(shape, type, longs(values));
    }

    private static JsonArray longs(long[] values) {
        JsonArray a = new JsonArray();
        for (long v : values) {
            a.add(v);
        }
        return a;
    }

    private static long[] longs(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsLong();
        }
        return v;
    }
}
