package org.sieve.network.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.network.GraphOp;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;

/**
 * A {@link GraphOp} in Sieve's model.json: class "TensorFlowOp", the op's name, its attributes as
 * serialised AttrValue protocol buffers (base64), its operands (layer inputs, weights, integer
 * constants inline) and which output it is. Read back, the op is checked against the allowlist
 * again: a saved model stays data.
 */
final class GraphOpJson {

    static final String CLASS = "TensorFlowOp";

    private GraphOpJson() {
    }

    static void write(GraphOp l, JsonObject c) {
        c.addProperty("op", l.op());
        JsonObject attrs = new JsonObject();
        l.attrs().forEach((k, v) -> attrs.addProperty(k, Base64.getEncoder().encodeToString(v.toByteArray())));
        c.add("attrs", attrs);
        JsonArray operands = new JsonArray();
        for (GraphOp.Arg a : l.operands()) {
            JsonObject o = new JsonObject();
            if (a.weight() != null) {
                o.addProperty("weight", a.weight());
                o.add("shape", longs(a.shape()));
                if (a.type() == DataType.DT_DOUBLE) {
                    o.addProperty("type", a.type().name());
                }
            } else if (a.values() != null) {
                o.addProperty("type", a.type().name());
                o.add("shape", longs(a.shape()));
                o.add("values", longs(a.values()));
            } else {
                o.addProperty("input", a.input());
            }
            operands.add(o);
        }
        c.add("operands", operands);
        c.addProperty("output_index", l.outputIndex());
    }

    static GraphOp read(KerasConfig c, List<String> inputs) {
        String op = c.text("op", "");
        if (!GraphOp.COMPUTE_OPS.contains(op)) {
            throw c.unsupported("is TensorFlow op '" + op + "', which is not among the ops Sieve computes");
        }
        Map<String, AttrValue> attrs = new LinkedHashMap<>();
        if (c.get("attrs") instanceof JsonObject a) {
            for (Map.Entry<String, JsonElement> e : a.entrySet()) {
                try {
                    attrs.put(e.getKey(), AttrValue.parseFrom(Base64.getDecoder().decode(e.getValue().getAsString())));
                } catch (InvalidProtocolBufferException | IllegalArgumentException | UnsupportedOperationException
                        | IllegalStateException x) {
                    throw c.invalid("has attribute '" + e.getKey() + "' that is not a TensorFlow AttrValue");
                }
            }
        }
        List<GraphOp.Arg> args = new ArrayList<>();
        if (!(c.get("operands") instanceof JsonArray operands)) {
            throw c.invalid("lists no operands");
        }
        for (JsonElement e : operands) {
            if (!(e instanceof JsonObject o)) {
                throw c.invalid("has an operand that is not an object");
            }
            try {
                if (o.has("weight")) {
                    String weight = o.get("weight").getAsString();
                    boolean isDouble = o.has("type") && o.get("type").getAsString().equals(DataType.DT_DOUBLE.name());
                    args.add(isDouble ? GraphOp.Arg.doubleWeight(weight, longs(o.get("shape")))
                            : GraphOp.Arg.weight(weight, longs(o.get("shape"))));
                } else if (o.has("values")) {
                    args.add(GraphOp.Arg.constant(longs(o.get("shape")), DataType.valueOf(o.get("type").getAsString()),
                            longs(o.get("values"))));
                } else {
                    int i = o.get("input").getAsInt();
                    if (i < 0 || i >= inputs.size()) {
                        throw c.invalid("reads input " + i + " of " + inputs.size());
                    }
                    args.add(GraphOp.Arg.layer(i));
                }
            } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException
                    | NullPointerException x) {
                throw c.invalid("has an operand Sieve cannot read (" + o + ")");
            }
        }
        return new GraphOp(c.layer(), inputs, op, attrs, args, c.integer("output_index", 0));
    }

    /** The weights the op stores, by name. */
    static List<String> weights(GraphOp l) {
        return l.operands().stream().filter(a -> a.weight() != null).map(GraphOp.Arg::weight).toList();
    }

    static long[] shape(GraphOp l, String weight) {
        return l.operands().stream().filter(a -> weight.equals(a.weight())).findFirst().orElseThrow().shape();
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
