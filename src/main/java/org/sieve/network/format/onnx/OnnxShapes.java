package org.sieve.network.format.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Output shapes of ONNX's shape-changing ops, and where the batch axis goes through a reshape. */
final class OnnxShapes {

    private OnnxShapes() {
    }

    /** The shape Unsqueeze, Squeeze, Flatten or Reshape gives a tensor of {@code dims} (batch 1). */
    static long[] target(OnnxNode n, long[] dims, OnnxTensor shapeInput) {
        return switch (n.op()) {
            case "Flatten" -> {
                long axis = n.integer("axis", 1);
                axis = axis < 0 ? axis + dims.length : axis;
                if (axis < 0 || axis > dims.length) {
                    throw n.invalid("flattens from axis " + n.integer("axis", 1) + " of a rank-" + dims.length + " tensor");
                }
                yield new long[] {product(dims, 0, (int) axis), product(dims, (int) axis, dims.length)};
            }
            case "Reshape" -> reshape(n, dims, shapeInput.asLongs());
            case "Unsqueeze" -> unsqueeze(n, dims, axes(n, shapeInput));
            default -> squeeze(n, dims, axes(n, shapeInput));
        };
    }

    private static long[] axes(OnnxNode n, OnnxTensor input) {
        return input != null ? input.asLongs() : n.integers("axes", null);
    }

    private static long[] reshape(OnnxNode n, long[] dims, long[] target) {
        long[] out = target.clone();
        long total = product(dims, 0, dims.length);
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && n.integer("allowzero", 0) == 0) {
                out[i] = dims[i];
            }
            if (out[i] == -1) {
                unknown = i;
            } else {
                known = Math.multiplyExact(known, out[i]);
            }
        }
        if (unknown >= 0 && known > 0) {
            out[unknown] = total / known;
        }
        if (product(out, 0, out.length) != total) {
            throw n.invalid("reshapes " + Arrays.toString(dims) + " to " + Arrays.toString(target));
        }
        return out;
    }

    private static long[] unsqueeze(OnnxNode n, long[] dims, long[] axes) {
        int rank = dims.length + axes.length;
        List<Long> out = new ArrayList<>(Arrays.stream(dims).boxed().toList());
        long[] sorted = Arrays.stream(axes).map(a -> a < 0 ? a + rank : a).sorted().toArray();
        for (long a : sorted) {
            if (a < 0 || a > out.size()) {
                throw n.invalid("inserts axis " + a + " into a rank-" + out.size() + " tensor");
            }
            out.add((int) a, 1L);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] squeeze(OnnxNode n, long[] dims, long[] axes) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            final int axis = i;
            boolean named = axes == null ? dims[i] == 1
                    : Arrays.stream(axes).anyMatch(a -> (a < 0 ? a + dims.length : a) == axis);
            if (!named) {
                out.add(dims[i]);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static long product(long[] dims, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            p = Math.multiplyExact(p, dims[i]);
        }
        return p;
    }

    /**
     * Where the batch goes when a tensor of {@code from} is reshaped to {@code to}. The batch sits on
     * axis {@code batch}, as that axis' outer factor or, when {@code inner}, its inner one; in memory
     * it splits the elements into what lies before and after it. A reshape keeps memory, so the
     * batch lands on an output axis whose preceding sizes multiply to what lay before it (as that
     * axis' outer factor) or whose following sizes multiply to what lay after it (inner factor).
     * With batch 1 both may fit; an axis of size 1 (a batch axis of its own) is preferred, then an
     * outer factor that is not the last axis (attention's batch times heads), then an inner factor
     * (attention's tokens times batch before its output projection).
     *
     * @return {axis, 1 if inner else 0}, or null when no axis fits (the reshape would mix examples)
     */
    static int[] batchAfterReshape(long[] from, int batch, boolean inner, long[] to) {
        long before = product(from, 0, batch) * (inner ? from[batch] : 1);
        long after = product(from, batch + 1, from.length) * (inner ? 1 : from[batch]);
        int outer = -1;
        int innerAxis = -1;
        for (int j = 0; j < to.length; j++) {
            boolean outerFits = product(to, 0, j) == before;
            boolean innerFits = product(to, j + 1, to.length) == after;
            if ((outerFits || innerFits) && to[j] == 1) {
                return new int[] {j, 0};
            }
            outer = outerFits && outer < 0 ? j : outer;
            innerAxis = innerFits && innerAxis < 0 ? j : innerAxis;
        }
        if (outer >= 0 && (outer < to.length - 1 || innerAxis < 0)) {
            return new int[] {outer, 0};
        }
        return innerAxis >= 0 ? new int[] {innerAxis, 1} : null;
    }
}
