package org.sieve.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The graph that steps a run's layers. The group's fused graph steps all of them; once enough
 * have stopped that stepping the rest on a graph of just those saves much arithmetic
 * ({@link Narrowing}), their optimiser state moves to such a graph. Each layer's numbers depend on
 * its own state, noise stream and step sizes alone, so they come out as they would have on the
 * group's graph. Values go in and out indexed by the layer's place in the group.
 */
final class ActiveLayers {

    /** Graphs a run may move to: each is kept among the engine's graphs while the run needs it. */
    static final int MAX_NARROWINGS = 3;

    private final List<String> layers;
    private final float[] d0;
    private final long[] keys;
    private final Narrowing narrowing;
    private SigmaGraph graph;
    /** The group index of each of {@link #graph}'s layers. */
    private int[] slots;
    /** Per group index, the last log sigma of a layer no longer on {@link #graph}. */
    private final float[][] handedOff;
    private int narrowings;

    /** @param narrowing where to find graphs of fewer layers, or null to step the group's graph throughout */
    ActiveLayers(SigmaGraph group, List<String> layers, float[] d0, long[] keys, Narrowing narrowing) {
        this.graph = group;
        this.layers = layers;
        this.d0 = d0;
        this.keys = keys;
        this.narrowing = narrowing;
        this.slots = new int[layers.size()];
        Arrays.setAll(slots, i -> i);
        this.handedOff = new float[layers.size()][];
    }

    /** One step of the layers on the current graph; a layer not on it reads NaN. */
    SigmaGraph.StepValues step(float[] learningRate, float[] levelRate, double tau) {
        SigmaGraph.StepValues v = graph.step(pick(learningRate), pick(levelRate), tau);
        return new SigmaGraph.StepValues(spread(v.loss()), spread(v.ratio()), spread(v.lambda()), spread(v.value()));
    }

    /**
     * Some layers stopped: moves the active ones to a graph of their own where that is worth it
     * (at least {@code stepsLeft} more steps are expected), else only tells the graph.
     */
    void stopped(boolean[] active, int stepsLeft) {
        List<Integer> left = new ArrayList<>();
        for (int slot : slots) {
            if (active[slot]) {
                left.add(slot);
            }
        }
        List<String> now = names(Arrays.stream(slots).boxed().toList());
        List<String> rest = names(left);
        if (narrowing == null || left.isEmpty() || narrowings == MAX_NARROWINGS
                || !narrowing.worth(now, rest, stepsLeft)) {
            graph.setActive(pick(active));
            return;
        }
        SigmaGraph.State state = graph.state();
        int[] keep = new int[left.size()];
        for (int i = 0; i < slots.length; i++) {
            handedOff[slots[i]] = state.logSigma()[i];
            int at = left.indexOf(slots[i]);
            if (at >= 0) {
                keep[at] = i;
            }
        }
        int[] next = left.stream().mapToInt(Integer::intValue).toArray();
        SigmaGraph narrower = narrowing.graph(rest);
        float[] nextD0 = new float[next.length];
        long[] nextKeys = new long[next.length];
        boolean[] all = new boolean[next.length];
        for (int i = 0; i < next.length; i++) {
            nextD0[i] = d0[next[i]];
            nextKeys[i] = keys[next[i]];
            all[i] = true;
        }
        narrower.restore(state.of(keep), nextD0, nextKeys, all);
        graph = narrower;
        slots = next;
        narrowings++;
    }

    /** Every layer's current log sigma, [group index][cell]. */
    float[][] logSigma() {
        float[][] out = handedOff.clone();
        float[][] now = graph.logSigma();
        for (int i = 0; i < slots.length; i++) {
            out[slots[i]] = now[i];
        }
        return out;
    }

    private List<String> names(List<Integer> indices) {
        return indices.stream().map(layers::get).toList();
    }

    private float[] pick(float[] groupValues) {
        float[] out = new float[slots.length];
        for (int i = 0; i < slots.length; i++) {
            out[i] = groupValues[slots[i]];
        }
        return out;
    }

    private boolean[] pick(boolean[] groupValues) {
        boolean[] out = new boolean[slots.length];
        for (int i = 0; i < slots.length; i++) {
            out[i] = groupValues[slots[i]];
        }
        return out;
    }

    private float[] spread(float[] values) {
        float[] out = new float[layers.size()];
        Arrays.fill(out, Float.NaN);
        for (int i = 0; i < slots.length; i++) {
            out[slots[i]] = values[i];
        }
        return out;
    }
}
