package org.sieve.metrics;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.NetworkShapes;
import org.sieve.network.WeightTensor;

/**
 * What a fused optimisation step costs: the memory it holds, how to split the requested layers
 * into groups whose steps fit, and its arithmetic. Splitting costs nothing in results: a layer's
 * result does not depend on which layers share its step, so groups optimised one after the
 * other give exactly what one fused step would.
 */
public final class StepCost {

    /**
     * Copies of each activation a step keeps: the forward output (for the backward pass), its
     * gradient, and a temporary of the same size inside the ops that make them.
     */
    static final int COPIES = 3;
    /** The share of the machine's physical memory one step may plan to use. */
    static final double SHARE_OF_MEMORY = 0.5;
    /** The forward pass and the backward pass to the input cost about the same. */
    private static final long FORWARD_AND_BACKWARD = 2;

    private final Network network;
    private final Map<String, long[]> shapes;
    private final int draws;

    /** @param shapes every layer's output shape without the batch axis */
    StepCost(Network network, Map<String, long[]> shapes, int draws) {
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

    /** The cost of a step of {@code draws} per layer, with the output shapes read off the network. */
    public static StepCost of(Network network, int draws) {
        return new StepCost(network, NetworkShapes.of(network,
                network.analysableLayers().stream().map(Layer::name).toList()), draws);
    }

    /**
     * Bytes of the activations of one step of these layers: every layer they depend on, for the
     * rows that pass through it (each dependent analysed layer's draws, and the clean image).
     */
    public long bytes(List<String> layers) {
        return perRow(layers, a -> Math.multiplyExact(elements(shapes.get(a.name())), (long) Float.BYTES * COPIES));
    }

    /**
     * Floating-point operations of one step of these layers, estimated from their weighted
     * layers (convolutions, dense): two per multiply-add, in the forward pass and again in the
     * backward pass, which carries gradients to the input only (the weights are constants).
     */
    public long flops(List<String> layers) {
        return perRow(layers, a -> FORWARD_AND_BACKWARD * 2 * multiplyAdds(a));
    }

    /**
     * Multiply-adds of a layer for one image: every kernel weight once at each output position
     * (a convolution's, a depthwise convolution's and a dense layer's alike).
     */
    private long multiplyAdds(Layer a) {
        WeightTensor kernel = network.weights().get(a.name() + "/kernel");
        if (kernel == null) {
            kernel = network.weights().get(a.name() + "/depthwise_kernel");
        }
        if (kernel == null) {
            return 0;
        }
        long[] out = shapes.get(a.name());
        return Math.multiplyExact(elements(Arrays.copyOf(out, out.length - 1)), elements(kernel.shape()));
    }

    /** The sum over the layers these depend on of {@code cost} times the rows passing through each. */
    private long perRow(List<String> layers, ToLongFunction<Layer> cost) {
        // Each analysed layer's ancestors once, counting for every layer how many analysed layers need it.
        Map<Layer, Long> dependents = new LinkedHashMap<>();
        for (String l : layers) {
            for (Layer a : network.ancestorsOf(List.of(l))) {
                dependents.merge(a, 1L, Long::sum);
            }
        }
        long total = 0;
        for (Map.Entry<Layer, Long> e : dependents.entrySet()) {
            total = Math.addExact(total, Math.multiplyExact(e.getValue() * draws + 1, cost.applyAsLong(e.getKey())));
        }
        return total;
    }

    private static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
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
