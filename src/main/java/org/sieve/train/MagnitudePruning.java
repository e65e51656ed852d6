package org.sieve.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.network.Network;
import org.sieve.network.WeightTensor;
import org.sieve.tf.Tensors;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Magnitude pruning of a network being trained: one threshold over the kernels of all layers
 * sets the smallest weights to zero, and a mask keeps them zero after every optimiser step
 * (Adam's momentum would otherwise revive them). The sparsity follows Zhu and Gupta's (2017)
 * gradual schedule, so the network can adapt while it loses weights.
 */
final class MagnitudePruning {

    /** Pruning happens every this many steps while the sparsity rises. */
    static final int EVERY = 50;
    /** The share of the steps over which the sparsity rises to its target; the rest fine-tune. */
    static final int RAMP_SHARE_PERCENT = 60;

    private final Map<String, Variable<TFloat32>> kernels = new LinkedHashMap<>();
    private final Map<String, Variable<TFloat32>> masks = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> newMasks = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> newKernels = new LinkedHashMap<>();
    private final List<Op> assignments = new ArrayList<>();

    /** Prepares masks for every kernel among {@code trainable} (weights named {@code layer/kernel}). */
    MagnitudePruning(Ops tf, Map<String, Variable<TFloat32>> trainable) {
        Ops init = tf.withInitScope();
        trainable.forEach((key, v) -> {
            if (isKernel(key)) {
                kernels.put(key, v);
                masks.put(key, init.variable(init.fill(init.constant(v.shape()), init.constant(1f))));
                Placeholder<TFloat32> m = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
                Placeholder<TFloat32> k = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
                newMasks.put(key, m);
                newKernels.put(key, k);
                assignments.add(tf.assign(masks.get(key), m));
                assignments.add(tf.assign(v, k));
            }
        });
    }

    /** Ops that zero the pruned weights again once {@code updates} (the optimiser's) have run. */
    List<Op> reapplyAfter(Ops tf, List<Op> updates) {
        Ops after = tf.withControlDependencies(updates);
        List<Op> out = new ArrayList<>();
        kernels.forEach((key, v) -> out.add(after.assign(v, after.math.mul(v, masks.get(key)))));
        return out;
    }

    /** Sets the smallest {@code sparsity} of all kernel weights to zero, and keeps them so. */
    void prune(Session session, double sparsity) {
        List<String> keys = List.copyOf(kernels.keySet());
        Map<String, float[]> values = new LinkedHashMap<>();
        Session.Runner fetch = session.runner();
        keys.forEach(k -> fetch.fetch(kernels.get(k)));
        try (Result r = fetch.run()) {
            for (int i = 0; i < keys.size(); i++) {
                values.put(keys.get(i), Tensors.floats(r.get(i)));
            }
        }
        float threshold = threshold(values.values(), sparsity);
        Session.Runner assign = session.runner();
        List<TFloat32> fed = new ArrayList<>();
        try {
            for (String key : keys) {
                float[] w = values.get(key);
                float[] mask = new float[w.length];
                for (int i = 0; i < w.length; i++) {
                    mask[i] = Math.abs(w[i]) > threshold ? 1f : 0f;
                    w[i] *= mask[i];
                }
                long[] shape = kernels.get(key).shape().asArray();
                TFloat32 m = Tensors.of(mask, shape);
                TFloat32 k = Tensors.of(w, shape);
                fed.add(m);
                fed.add(k);
                assign.feed(newMasks.get(key), m).feed(newKernels.get(key), k);
            }
            assignments.forEach(assign::addTarget);
            assign.run();
        } finally {
            fed.forEach(TFloat32::close);
        }
    }

    /** Whether step {@code t} (1-based) of {@code total} prunes: every EVERY steps of the ramp and at its end. */
    static boolean due(int t, int total) {
        int end = rampEnd(total);
        return t <= end && (t % EVERY == 0 || t == end);
    }

    /** Zhu and Gupta's cubic schedule: {@code target * (1 - (1 - t / end)^3)}, the target from the ramp's end on. */
    static double sparsityAt(int t, int total, double target) {
        double progress = Math.min(1.0, t / (double) rampEnd(total));
        return target * (1 - Math.pow(1 - progress, 3));
    }

    /** The fraction of kernel weights of {@code network} that are exactly zero. */
    static double sparsity(Network network) {
        long zeros = 0;
        long all = 0;
        for (Map.Entry<String, WeightTensor> e : network.weights().entrySet()) {
            if (isKernel(e.getKey())) {
                for (float v : e.getValue().values()) {
                    zeros += v == 0f ? 1 : 0;
                }
                all += e.getValue().values().length;
            }
        }
        return all == 0 ? 0 : zeros / (double) all;
    }

    private static boolean isKernel(String key) {
        return key.endsWith("/kernel");
    }

    private static int rampEnd(int total) {
        return Math.max(1, total * RAMP_SHARE_PERCENT / 100);
    }

    /** The magnitude at or below which the {@code sparsity} smallest of all values lie. */
    private static float threshold(Iterable<float[]> values, double sparsity) {
        int n = 0;
        for (float[] v : values) {
            n += v.length;
        }
        float[] all = new float[n];
        int at = 0;
        for (float[] v : values) {
            for (float x : v) {
                all[at++] = Math.abs(x);
            }
        }
        Arrays.sort(all);
        int k = (int) Math.round(sparsity * n);
        return k == 0 ? -1f : all[k - 1];
    }
}
