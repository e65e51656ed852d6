package org.sieve.metrics;

import java.util.List;
import java.util.function.Function;

/**
 * Whether the layers still optimising should move to a graph of just them ({@link ActiveLayers}):
 * when the arithmetic its smaller step saves over the steps still expected outweighs building and
 * starting that graph. On a photo network the deepest layer often optimises long after the rest
 * have stopped, and the fused step would keep carrying all their draws.
 */
final class Narrowing {

    /**
     * Saved arithmetic that pays for a new graph: several seconds of steps at the 10 to 170
     * GFLOP/s a CPU step reaches, against about a second to build and start a graph. Small
     * networks never save this much: their steps are bound by per-operation overhead.
     */
    static final double MIN_SAVED_FLOPS = 100e9;

    private final Function<List<String>, SigmaGraph> graphs;
    private final StepCost cost;
    private final double minSavedFlops;

    /** @param graphs a graph of these layers, with the run's image set */
    Narrowing(Function<List<String>, SigmaGraph> graphs, StepCost cost, double minSavedFlops) {
        this.graphs = graphs;
        this.cost = cost;
        this.minSavedFlops = minSavedFlops;
    }

    /**
     * Whether to move from a graph of {@code from} to one of {@code to}, with at least {@code steps}
     * steps to go: when the step at least halves (so a run moves a few times at most, not each
     * time a layer stops) and saves enough arithmetic.
     */
    boolean worth(List<String> from, List<String> to, int steps) {
        double before = cost.flops(from);
        double after = cost.flops(to);
        return after <= before / 2 && (before - after) * steps >= minSavedFlops;
    }

    SigmaGraph graph(List<String> layers) {
        return graphs.apply(layers);
    }
}
