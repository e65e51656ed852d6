package org.sieve.network;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.TreeMap;

/**
 * One TensorFlow op of an {@link OpGraphLayer}: what it computes, what it reads and its numeric
 * attributes. An argument is {@code in:K} (the layer's K-th input), {@code w:NAME} (the layer's
 * weight NAME) or {@code s:K} (the result of the layer's K-th step).
 */
public record OpStep(TensorOp op, List<String> args, Map<String, double[]> attributes) {

    public OpStep {
        args = List.copyOf(args);
        attributes = new TreeMap<>(attributes);
    }

    /** Equal when op, arguments and every attribute's values are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OpStep s && op == s.op && args.equals(s.args) && attributes.size() == s.attributes.size()
                && attributes.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), s.attributes.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, args, attributes.keySet());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(op.name()).append(args);
        attributes.forEach((k, v) -> b.append(' ').append(k).append('=').append(Arrays.toString(v)));
        return b.toString();
    }

    /** The attribute's values, failing with a message that names it when absent. */
    public double[] values(String key) {
        double[] v = attributes.get(key);
        if (v == null) {
            throw new IllegalArgumentException("op " + op.name() + " lacks attribute '" + key + "'");
        }
        return v;
    }

    public double value(String key) {
        return values(key)[0];
    }

    public long[] longs(String key) {
        double[] v = values(key);
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (long) v[i];
        }
        return out;
    }

    public int[] ints(String key) {
        double[] v = values(key);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }
}
