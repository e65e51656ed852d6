package org.sieve.metrics;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sieve.network.Layer;
import org.sieve.network.Network;

/**
 * What a fused optimisation step holds in memory, and how to split the requested layers into
 * groups whose steps fit. Splitting costs nothing in results: a layer's result does not depend
 * on which layers share its step, so groups optimised one after the other give exactly what one
 * fused step would.
 */
final class StepMemory {

    /**
     * Copies of each activation a step keeps: the forward output (for the backward pass), its
     * gradient, and a temporary of the same size inside the ops that make them.
     */
    static final int COPIES = 3;
    /** The share of the machine's physical memory one step may plan to use. */
    static final double SHARE_OF_MEMORY = 0.5;

    private final Network network;
    private final Map<String, long[]> shapes;
    private final int draws;

    /** @param shapes every layer's output shape without the batch axis */
    StepMemory(Network network, Map<String, long[]> shapes, int draws) {
        this.network = network;
        this.shapes = shapes;
        this.draws = draws;
    }

    /** Half the physical memory, or where the platform does not say, a conservative 4 GB. */
    static long defaultBudget() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return (long) (os.getTotalMemorySize() * SHARE_OF_MEMORY);
        }
        return 4L << 30;
    }

    /**
     * Bytes of the activations of one step of these layers: every layer they depend on, for the
     * rows that pass through it (each dependent analysed layer's draws, and the clean image).
     */
    long bytes(List<String> layers) {
        long total = 0;
        for (Layer a : network.ancestorsOf(layers)) {
            long dependents = layers.stream().filter(l -> network.ancestorsOf(List.of(l)).contains(a)).count();
            long elements = 1;
            for (long d : shapes.get(a.name())) {
                elements = Math.multiplyExact(elements, d);
            }
            total = Math.addExact(total, Math.multiplyExact(dependents * draws + 1, elements) * Float.BYTES * COPIES);
        }
        return total;
    }

    /**
     * The layers, in network order, cut into consecutive groups whose steps fit {@code budget};
     * a layer too large on its own gets a group of its own.
     */
    List<List<String>> groups(List<String> ordered, long budget) {
        List<List<String>> groups = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String layer : ordered) {
            current.add(layer);
            if (current.size() > 1 && bytes(current) > budget) {
                current.remove(current.size() - 1);
                groups.add(current);
                current = new ArrayList<>(List.of(layer));
            }
        }
        groups.add(current);
        return groups;
    }
}
