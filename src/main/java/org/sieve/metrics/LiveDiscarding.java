package org.sieve.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Metric 1 following an image that changes under the user's hand (live mode): each frame goes
 * on from the previous frame's sigma and optimiser state (restarting Adam would kick every cell
 * a full step each frame) with the new image's D0, and takes a few fused steps of every layer,
 * so the maps follow the drawing at a glance's cost. A frame is approximate (not converged, its
 * constraint not re-checked on fresh noise); a full analysis refines it once the image stops
 * changing.
 * Not thread-safe: one caller drives the frames.
 */
public final class LiveDiscarding {

    /** Fused steps per frame: enough to follow a stroke, few enough for five frames a second. */
    public static final int STEPS_PER_FRAME = 4;
    /** Batches of draws estimating each frame's D0, fewer than a full analysis takes. */
    static final int D0_RUNS = 2;

    private final SigmaGraph graph;
    private final List<String> layers;
    private final DiscardingSettings s;
    private final long[] keys;
    private boolean started;
    private int frames;

    LiveDiscarding(SigmaGraph graph, List<String> layers, DiscardingSettings settings) {
        this.graph = graph;
        this.layers = List.copyOf(layers);
        this.s = settings;
        this.keys = NoiseStream.layerKeys(settings.seed(), layers);
    }

    /** The layers in network order, as frames report them. */
    public List<String> layers() {
        return layers;
    }

    /** Frames computed so far. */
    public int frames() {
        return frames;
    }

    /** Forgets the previous frame: the next one starts from sigma0 again (a new drawing). */
    public void restart() {
        started = false;
    }

    /**
     * One frame for the image {@code pixels} (pixel space [0,1], HWC at the network's input):
     * D0 on this image, then {@link #STEPS_PER_FRAME} steps from the previous frame's sigma.
     */
    public DiscardingResult frame(float[] pixels) {
        long start = System.nanoTime();
        int count = layers.size();
        graph.setImage(pixels);
        float[][] sigma0 = OptimisationRun.uniform(graph, (float) Math.log(s.sigma0()));
        double[] d0 = graph.distortion(sigma0, keys, NoiseStream.D0, 0, D0_RUNS);
        float[] d0Values = new float[count];
        boolean[] active = new boolean[count];
        for (int l = 0; l < count; l++) {
            d0Values[l] = (float) d0[l];
            active[l] = d0[l] > 0 && Double.isFinite(d0[l]);
        }
        if (started) {
            graph.retarget(d0Values, active);
        } else {
            graph.reset(sigma0, d0Values, keys, active);
            started = true;
        }
        float[] learningRate = new float[count];
        float[] levelRate = new float[count];
        Arrays.fill(learningRate, (float) s.learningRate());
        Arrays.fill(levelRate, (float) s.levelRate());
        SigmaGraph.StepValues last = null;
        for (int step = 0; step < STEPS_PER_FRAME; step++) {
            last = graph.step(learningRate, levelRate, s.tau());
        }
        frames++;
        return report(graph.logSigma(), last, active, (System.nanoTime() - start) / 1e9);
    }

    private DiscardingResult report(float[][] logSigma, SigmaGraph.StepValues last, boolean[] active,
            double seconds) {
        SigmaGrid grid = graph.grid();
        // Metric 1's maps are read off sigma itself: its report measures nothing on noise.
        List<Objective.LayerMaps> maps = graph.objective().report(graph, logSigma, keys, 0);
        List<LayerResult> results = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            String name = layers.get(l);
            long[] shape = graph.outputShapes[l];
            if (!active[l]) {
                results.add(LayerResult.failed(name, shape, 0, seconds,
                        "its output does not change under noise (D0 = 0) for this image"));
                continue;
            }
            Objective.LayerMaps m = maps.get(l);
            results.add(new LayerResult(name, shape, m.perDim(), m.perDim() * graph.height * graph.width
                    * graph.channels, Double.NaN, last.ratio()[l], last.lambda()[l], false,
                    OptimisationRun.saturatedCells(logSigma[l], s), STEPS_PER_FRAME, seconds,
                    grid.rowsOf(OptimisationRun.exp(logSigma[l])), grid.rowsOf(m.cellMap()), null, null, null));
        }
        return LayerViews.of(grid, results, null);
    }
}
