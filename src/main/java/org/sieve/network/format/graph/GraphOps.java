package org.sieve.network.format.graph;

import org.sieve.network.format.common.PostProcessing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.network.OpGraphLayer;
import org.sieve.network.OpStep;
import org.sieve.network.WeightTensor;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * Translates a graph node into the TensorFlow op it is ({@link OpGraphLayer}), one for one: operands
 * that depend on the image are layer outputs, the others constants; an op on constants only is
 * computed once while reading. Sieve feeds batches of noisy copies of one image, so an op that
 * names the batch axis (a Reshape to [1, ...], a Squeeze of every size-1 axis) is restated for
 * any batch, and one that mixes examples is refused.
 */
final class GraphOps implements AutoCloseable {

    /** Ops whose constant operands may hold infinities or NaN: pad values, limits, masks. */
    private static final Set<String> NON_WEIGHT_CONSTANTS = Set.of("PadV2", "Maximum", "Minimum", "Select",
            "SelectV2", "Fill", "Less", "LessEqual", "Greater", "GreaterEqual", "Equal", "BroadcastTo");

    /** Reductions and axis ops: their axis operand, by position. */
    private static final Map<String, Integer> AXIS_OPERAND = Map.of("Mean", 1, "Sum", 1, "Max", 1, "Min", 1,
            "Prod", 1, "ConcatV2", -1, "Split", 0, "SplitV", 2, "ExpandDims", 1);

    private final GraphTranslator t;
    private final String file;
    private final ConstantFolding folding = new ConstantFolding();

    GraphOps(GraphTranslator t, String file) {
        this.t = t;
        this.file = file;
    }

    /** Closes the graph and session that folding used. */
    @Override
    public void close() {
        folding.close();
    }

    void translate(NodeDef n) {
        String op = n.getOp();
        List<String> ins = n.getInputList().stream().filter(i -> !i.startsWith("^")).toList();
        List<Object> values = new ArrayList<>();
        for (String in : ins) {
            values.add(t.value(in, n));
        }
        boolean image = values.stream().anyMatch(v -> v instanceof String);
        if (op.equals("Shape") || op.equals("Size")) {
            long[] s = values.get(0) instanceof String layer ? t.net().shape(layer) : batchless((WeightTensor) values.get(0));
            ConstantFolding.Folded shape = ConstantFolding.shape(s);
            t.constant(n.getName(), op.equals("Shape") ? shape.value() : size(shape), DataType.DT_INT32);
            return;
        }
        if (!OpStep.COMPUTE_OPS.contains(op)) {
            throw refused(n);
        }
        Map<String, AttrValue> attrs = new LinkedHashMap<>();
        n.getAttrMap().forEach((k, v) -> {
            if (!k.startsWith("_")) {
                attrs.put(k, v);
            }
        });
        List<Integer> outputs = t.outputsRead(n.getName());
        if (!image) {
            for (int k : outputs) {
                List<WeightTensor> c = values.stream().map(WeightTensor.class::cast).toList();
                List<DataType> types = ins.stream().map(t::type).toList();
                types.forEach(type -> checkType(n, type));
                ConstantFolding.Folded f = folding.fold(op, attrs, c, types, k);
                t.constant(k == 0 ? n.getName() : n.getName() + ":" + k, f.value(), f.type());
            }
            return;
        }
        restateForAnyBatch(n, values, attrs);
        List<String> layers = new ArrayList<>();
        List<OpStep.Arg> args = new ArrayList<>();
        Map<String, WeightTensor> weights = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof String layer) {
                if (!layers.contains(layer)) {
                    layers.add(layer);
                }
                args.add(OpStep.Arg.input(layers.indexOf(layer)));
            } else {
                WeightTensor w = (WeightTensor) values.get(i);
                DataType type = t.type(ins.get(i));
                checkType(n, type);
                if (type == DataType.DT_DOUBLE) {
                    args.add(OpStep.Arg.doubleWeight("c" + i, w.shape()));
                    weights.put("c" + i, w);
                    continue;
                }
                if (type != DataType.DT_FLOAT) {
                    args.add(OpStep.Arg.constant(w.shape(), type, integers(w)));
                    continue;
                }
                if (!NON_WEIGHT_CONSTANTS.contains(op)) {
                    t.checkFinite(GraphTranslator.key(ins.get(i)), w);
                }
                args.add(OpStep.Arg.weight("c" + i, w.shape()));
                weights.put("c" + i, w);
            }
        }
        for (int k : outputs) {
            String node = k == 0 ? n.getName() : n.getName() + ":" + k;
            t.put(node, OpGraphLayer.of(t.layerName(k == 0 ? n.getName() : n.getName() + "_" + k), layers,
                    new OpStep(op, args, attrs, k)), weights);
        }
    }

    /**
     * Rewrites the operands and attributes that name the batch axis so the op computes each
     * example of a batch as it computed the model's single one.
     */
    private void restateForAnyBatch(NodeDef n, List<Object> values, Map<String, AttrValue> attrs) {
        String op = n.getOp();
        long[] x = values.get(0) instanceof String layer ? t.net().shape(layer) : null;
        switch (op) {
            case "Reshape" -> values.set(1, reshapeTarget(n, x, (WeightTensor) values.get(1)));
            case "Squeeze" -> {
                List<Long> dims = attrs.containsKey("squeeze_dims")
                        ? attrs.get("squeeze_dims").getList().getIList() : List.of();
                List<Long> kept = new ArrayList<>();
                for (long d : dims) {
                    kept.add(d < 0 ? d + x.length + 1 : d);
                }
                if (kept.isEmpty()) {
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] == 1) {
                            kept.add((long) i + 1);
                        }
                    }
                }
                if (kept.contains(0L)) {
                    throw acrossBatch(n, "removes the batch axis");
                }
                attrs.put("squeeze_dims", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
                        .addAllI(kept)).build());
            }
            case "StridedSlice" -> {
                long shrink = attrs.containsKey("shrink_axis_mask") ? attrs.get("shrink_axis_mask").getI() : 0;
                long ellipsis = attrs.containsKey("ellipsis_mask") ? attrs.get("ellipsis_mask").getI() : 0;
                long newAxis = attrs.containsKey("new_axis_mask") ? attrs.get("new_axis_mask").getI() : 0;
                if ((ellipsis & 1) == 0 && (newAxis & 1) == 0) {
                    if ((shrink & 1) != 0) {
                        throw acrossBatch(n, "picks one example of the batch");
                    }
                    for (String mask : List.of("begin_mask", "end_mask")) {
                        long m = attrs.containsKey(mask) ? attrs.get(mask).getI() : 0;
                        attrs.put(mask, AttrValue.newBuilder().setI(m | 1).build());
                    }
                }
            }
            case "Pack", "Unpack" -> {
                long axis = attrs.containsKey("axis") ? attrs.get("axis").getI() : 0;
                int rank = x == null ? 0 : x.length + (op.equals("Pack") ? 2 : 1);
                if (x == null || (axis < 0 ? axis + rank : axis) == 0) {
                    throw acrossBatch(n, op.equals("Pack") ? "stacks tensors along the batch axis"
                            : "splits the batch axis");
                }
            }
            case "Transpose" -> {
                float[] perm = ((WeightTensor) values.get(1)).values();
                if (perm.length == 0 || perm[0] != 0) {
                    throw acrossBatch(n, "moves the batch axis");
                }
            }
            case "Tile" -> {
                float[] multiples = ((WeightTensor) values.get(1)).values();
                if (multiples.length == 0 || multiples[0] != 1) {
                    throw acrossBatch(n, "repeats the batch");
                }
            }
            default -> {
                Integer at = AXIS_OPERAND.get(op);
                if (at != null) {
                    int i = at < 0 ? values.size() + at : at;
                    long[] shape = firstImageShape(values);
                    int rank = shape.length + 1 + (op.equals("ExpandDims") ? 1 : 0);
                    if (values.get(i) instanceof WeightTensor axes) {
                        for (float a : axes.values()) {
                            if ((a < 0 ? a + rank : a) == 0) {
                                throw acrossBatch(n, "computes along the batch axis");
                            }
                        }
                    }
                }
            }
        }
    }

    private long[] firstImageShape(List<Object> values) {
        for (Object v : values) {
            if (v instanceof String layer) {
                return t.net().shape(layer);
            }
        }
        throw new IllegalStateException("no image operand");
    }

    /** A Reshape's target for any batch: [-1, per-example sizes], from the target for a batch of one. */
    private WeightTensor reshapeTarget(NodeDef n, long[] x, WeightTensor target) {
        float[] v = target.values();
        long total = Arrays.stream(x).reduce(1, Math::multiplyExact);
        if (v.length == 0 || v[0] != 1 && v[0] != -1) {
            throw acrossBatch(n, "reshapes to " + Arrays.toString(v) + ", across the batch axis");
        }
        float[] out = v.clone();
        long known = 1;
        int free = -1;
        for (int i = 1; i < v.length; i++) {
            if (v[i] == -1) {
                free = i;
            } else {
                known *= (long) v[i];
            }
        }
        if (v[0] == -1 && free > 0 || known == 0 || free > 0 && total % known != 0 || free < 0 && known != total) {
            throw acrossBatch(n, "reshapes " + Arrays.toString(x) + " to " + Arrays.toString(v));
        }
        if (free > 0) {
            out[free] = total / known;
        }
        out[0] = -1;
        return new WeightTensor(target.shape(), out);
    }

    private void checkType(NodeDef n, DataType type) {
        if (!Set.of(DataType.DT_FLOAT, DataType.DT_DOUBLE, DataType.DT_INT32, DataType.DT_INT64, DataType.DT_BOOL)
                .contains(type)) {
            throw new SieveException("Model " + file + ": node '" + n.getName() + "' (" + n.getOp() + ") computes with"
                    + " a constant of type " + type + "; Sieve's ops take float32, integer and boolean constants. This"
                    + " is Sieve's limit, not the file's fault; choose an earlier output with --output NODE.");
        }
    }

    static long[] integers(WeightTensor w) {
        long[] v = new long[w.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (long) w.values()[i];
        }
        return v;
    }

    private static long[] batchless(WeightTensor w) {
        return Arrays.copyOfRange(w.shape(), Math.min(1, w.shape().length), w.shape().length);
    }

    private static WeightTensor size(ConstantFolding.Folded shape) {
        long n = 1;
        for (float d : shape.value().values()) {
            n *= (long) d;
        }
        return new WeightTensor(new long[0], new float[] {n});
    }

    /** A node that mixes the examples of a batch; an automatic cut moves before it. */
    static final class AcrossBatch extends SieveException {
        final String node;

        AcrossBatch(String node, String message) {
            super(message);
            this.node = node;
        }
    }

    private SieveException acrossBatch(NodeDef n, String what) {
        return acrossBatch(file, n, what);
    }

    static SieveException acrossBatch(String file, NodeDef n, String what) {
        return new AcrossBatch(n.getName(), "Model " + file + ": node '" + n.getName() + "' (" + n.getOp() + ") " + what
                + ", and Sieve computes each noisy copy of the image as its own example. This is Sieve's limit,"
                + " not the file's fault; choose an earlier output with --output NODE.");
    }

    private SieveException refused(NodeDef n) {
        return new SieveException("Model " + file + ": node '" + n.getName() + "' (" + n.getOp() + ") lies on the path"
                + " to the output and is not an op Sieve computes (" + GraphOps.describe(n.getOp()) + "). This is"
                + " Sieve's limit, not the file's fault; choose an earlier output with --output NODE.");
    }

    /** The kind of computation an op is, in a user's words. */
    static String describe(String op) {
        String blocking = PostProcessing.describe(GraphRoles.role(op));
        if (blocking != null) {
            return blocking;
        }
        if (!OpStep.COMPUTE_OPS.contains(op)) {
            return "an op outside Sieve's reviewed list of ops that only compute";
        }
        return "an op that mixes the noisy copies of the image Sieve computes as one batch";
    }
}
