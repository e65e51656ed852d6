package org.sieve.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.sieve.SieveException;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.NetworkShapes;

/**
 * The engine's front door: optimises sigma for several layers of one image at once, for
 * metric 1, pixel-wise information discarding (METHOD.md section 2), or metric 2,
 * reconstruction uncertainty (section 3), as the settings ask. Each layer's result is a
 * function of the network, the image, the layer and the settings alone, so layers whose fused
 * step would not fit in memory ({@link StepCost}) are optimised in groups, one after the
 * other, with the same results. Keeps the TensorFlow
 * graphs it builds (the {@value #MAX_GRAPHS} most recently used) so that later images with the
 * same layers and settings reuse them; close it to free native memory.
 */
public final class InformationDiscarding implements AutoCloseable {

    /**
     * Raised whenever a change to the engine moves any result (results cached under an earlier
     * revision are then computed again). 2: the shape step's mean leaves out cells held at a clamp.
     * 3: the analysis graphs run as built, without TensorFlow's graph optimisers (the last bits move).
     */
    public static final int REVISION = 3;
    /** Announced to listeners before a group's graph is built (or found among those kept). */
    public static final String PHASE_BUILD = "Building the TensorFlow graph";
    /** Announced to listeners when the optimisation begins. */
    public static final String PHASE_OPTIMISE = OptimisationRun.PHASE_OPTIMISE;
    /** Smallest interval between two sigma snapshots sent to a listener. */
    public static final long SNAPSHOT_MILLIS = 100;
    /** Graphs kept for reuse; each layer set gets its own, so a long session would pile them up. */
    static final int MAX_GRAPHS = 8;
    /** The constraint must hold within this share of tau on a fresh sample (METHOD.md section 2). */
    public static final double CONSTRAINT_TOLERANCE = OptimisationRun.CONSTRAINT_TOLERANCE;

    private final Network network;
    private final float[] mean;
    private final float[] std;
    private final long stepBudget;
    private final double minSavedFlops;
    /** Whether analyses take the whole step budget (the long-budget reference). */
    private boolean fullBudget;
    /** Every layer's output shape, read once when first needed. */
    private Map<String, long[]> shapes;

    private final Map<String, SigmaGraph> graphs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SigmaGraph> eldest) {
            if (size() > MAX_GRAPHS) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };

    /**
     * @param mean per-channel mean of the model's normalisation, applied after the noise
     * @param std  per-channel standard deviation of the model's normalisation
     */
    public InformationDiscarding(Network network, float[] mean, float[] std) {
        this(network, mean, std, StepCost.defaultBudget(), Narrowing.MIN_SAVED_FLOPS);
    }

    /**
     * @param stepBudget    bytes a fused step may use; layers beyond it are optimised in further groups
     * @param minSavedFlops arithmetic a graph of fewer layers must save before the layers still
     *                      optimising move to it ({@link Narrowing})
     */
    InformationDiscarding(Network network, float[] mean, float[] std, long stepBudget, double minSavedFlops) {
        this.network = network;
        this.mean = mean.clone();
        this.std = std.clone();
        this.stepBudget = stepBudget;
        this.minSavedFlops = minSavedFlops;
    }

    /**
     * Makes every later analysis take all of its settings' steps, with no stop on convergence:
     * the long-budget solution that faster schedules and approximations are measured against.
     */
    InformationDiscarding fullBudget() {
        fullBudget = true;
        return this;
    }

    public Network network() {
        return network;
    }

    /**
     * Optimises sigma for every requested layer on one image and reports each layer, with the
     * sigma grid they share and the envelope over exactly these layers.
     *
     * @param pixels    the image in pixel space [0,1], HWC, at the network's input size
     * @param layers    layer names; returned in network order, duplicates removed
     * @param decoders  the layers' decoders; required for metric 2, ignored for metric 1
     * @param cancelled polled every step; when true the analysis stops with
     *                  {@link AnalysisCancelledException}
     */
    public DiscardingResult analyse(float[] pixels, List<String> layers, DiscardingSettings settings,
            Decoders decoders, AnalysisListener listener, BooleanSupplier cancelled) {
        var input = network.input();
        settings.validated(input.height(), input.width());
        int expected = input.height() * input.width() * input.channels();
        if (pixels.length != expected) {
            throw new IllegalArgumentException("image has " + pixels.length + " values, the network takes " + expected);
        }
        List<String> ordered = inNetworkOrder(layers);
        listener.started(ordered, settings.maxSteps());
        List<LayerResult> results = new ArrayList<>();
        SigmaGrid grid = null;
        // Layers whose fused step would not fit in memory are optimised in groups, one after the other.
        StepCost cost = stepCost(settings.draws());
        Narrowing narrowing = new Narrowing(fewer -> withImage(graphFor(fewer, settings, decoders), pixels), cost,
                minSavedFlops);
        for (List<String> group : cost.groups(ordered, stepBudget)) {
            listener.phase(PHASE_BUILD);
            SigmaGraph graph = graphFor(group, settings, decoders);
            long start = System.nanoTime();
            graph.setImage(pixels);
            results.addAll(new OptimisationRun(graph, narrowing, group, settings, listener, cancelled, start,
                    fullBudget)
                    .execute());
            grid = graph.grid();
        }
        return LayerViews.of(grid, results, null);
    }

    private static SigmaGraph withImage(SigmaGraph graph, float[] pixels) {
        graph.setImage(pixels);
        return graph;
    }

    private StepCost stepCost(int draws) {
        if (shapes == null) {
            shapes = NetworkShapes.of(network, network.analysableLayers().stream().map(Layer::name).toList());
        }
        return new StepCost(network, shapes, draws);
    }

    /** As {@link #analyse(float[], List, DiscardingSettings, Decoders, AnalysisListener, BooleanSupplier)} for metric 1. */
    public DiscardingResult analyse(float[] pixels, List<String> layers, DiscardingSettings settings,
            AnalysisListener listener, BooleanSupplier cancelled) {
        return analyse(pixels, layers, settings, null, listener, cancelled);
    }

    /**
     * Live mode for metric 1 on these layers: frames that follow a changing image (see
     * {@link LiveDiscarding}). Shares this engine's graphs, so it is driven from the same thread.
     */
    public LiveDiscarding live(List<String> layers, DiscardingSettings settings) {
        var input = network.input();
        settings.validated(input.height(), input.width());
        if (settings.metric() != Metric.INFORMATION_DISCARDING) {
            throw new SieveException("Live mode shows pixel-wise information discarding (metric 1) only;"
                    + " reconstruction uncertainty needs a full analysis.");
        }
        List<String> ordered = inNetworkOrder(layers);
        return new LiveDiscarding(graphFor(ordered, settings, null), ordered, settings);
    }

    private List<String> inNetworkOrder(List<String> layers) {
        if (layers.isEmpty()) {
            throw new SieveException("No layers chosen. Valid layers: "
                    + String.join(", ", network.analysableLayers().stream().map(Layer::name).toList()) + ".");
        }
        return network.inOrder(layers);
    }

    private SigmaGraph graphFor(List<String> layers, DiscardingSettings s, Decoders decoders) {
        var input = network.input();
        int[] grid = s.grid(input.height(), input.width());
        boolean ru = s.metric() == Metric.RECONSTRUCTION_UNCERTAINTY;
        if (ru && decoders == null) {
            throw new SieveException("Reconstruction uncertainty needs the model's decoders; none were given.");
        }
        String key = String.join(",", layers) + "|" + grid[0] + "x" + grid[1] + "|" + s.draws() + "|"
                + s.sigmaMin() + "|" + s.sigmaMax() + "|" + s.device() + "|" + s.phi() + "|"
                + (ru ? decoders.identity() : s.metric().id());
        SigmaGraph g = graphs.get(key);
        if (g == null) {
            Objective.Builder objective = ru
                    ? (tf, image) -> new ReconstructionObjective(tf, network, layers, decoders.forLayers(layers), image)
                    : (tf, image) -> new EntropyObjective(s);
            g = new SigmaGraph(network, mean, std, layers, grid, s.draws(), s, objective);
            graphs.put(key, g);
        }
        return g;
    }

    /** How many graphs are kept now. */
    int graphCount() {
        return graphs.size();
    }

    @Override
    public void close() {
        graphs.values().forEach(SigmaGraph::close);
        graphs.clear();
    }
}
