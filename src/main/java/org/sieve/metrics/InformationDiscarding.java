package org.sieve.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.sieve.SieveException;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.format.DecoderSet;

/**
 * Pixel-wise information discarding for several layers of one image at once: metric 1 (METHOD.md
 * section 2), or metric 2, reconstruction uncertainty (section 3), when the settings ask for it
 * and decoders are given; both optimise sigma on the same constraint. Keeps the TensorFlow
 * graphs it builds (the {@value #MAX_GRAPHS} most recently used) so that later images with the
 * same layers and settings reuse them; close it to free native memory.
 */
public final class InformationDiscarding implements AutoCloseable {

    /** Announced to listeners when the optimisation begins. */
    public static final String PHASE_OPTIMISE = "Optimising sigma";
    /** Smallest interval between two sigma snapshots sent to a listener. */
    public static final long SNAPSHOT_MILLIS = 100;
    /** Convergence: relative entropy change over the last 20% of steps, and its floor in nats. */
    static final double CONVERGENCE_TOLERANCE = 0.01;
    static final double CONVERGENCE_WINDOW = 0.2;
    /** The constraint must hold within 10% on a fresh sample; the optimum aims closer. */
    public static final double CONSTRAINT_TOLERANCE = 0.10;
    /** Step sizes decay linearly to this fraction so the last steps settle. */
    static final double FINAL_LEARNING_RATE_FRACTION = 0.05;

    /** Independent noise streams of one seed: steps use counters from 0, these far above. */
    static final long STREAM_D0 = 1L << 40;
    static final long STREAM_UNCERTAINTY = 3L << 40;

    private final Network network;
    private final float[] mean;
    private final float[] std;
    /** Graphs kept for reuse; each layer set gets its own, so a long session would pile them up. */
    static final int MAX_GRAPHS = 8;

    private final Map<String, DiscardingGraph> graphs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DiscardingGraph> eldest) {
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
        this.network = network;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    public Network network() {
        return network;
    }

    /**
     * Optimises sigma for every requested layer on one image and reports each layer, with the
     * sigma grid they share.
     *
     * @param pixels    the image in pixel space [0,1], HWC, at the network's input size
     * @param layers    layer names; returned in network order, duplicates removed
     * @param cancelled polled every step; when true the analysis stops with
     *                  {@link AnalysisCancelledException}
     */
    public DiscardingResult analyse(float[] pixels, List<String> layers, DiscardingSettings settings,
            AnalysisListener listener, BooleanSupplier cancelled) {
        return analyse(pixels, layers, settings, null, listener, cancelled);
    }

    /**
     * As {@link #analyse(float[], List, DiscardingSettings, AnalysisListener, BooleanSupplier)}, with the
     * decoders that metric 2 needs.
     *
     * @param decoders the model's decoders; required for metric 2, ignored for metric 1
     */
    public DiscardingResult analyse(float[] pixels, List<String> layers, DiscardingSettings settings,
            DecoderSet decoders, AnalysisListener listener, BooleanSupplier cancelled) {
        var input = network.input();
        settings.validated(input.height(), input.width());
        int expected = input.height() * input.width() * input.channels();
        if (pixels.length != expected) {
            throw new IllegalArgumentException("image has " + pixels.length + " values, the network takes " + expected);
        }
        List<String> ordered = inNetworkOrder(layers);
        boolean ru = settings.metric() == Metric.RECONSTRUCTION_UNCERTAINTY;
        if (ru && decoders == null) {
            throw new SieveException("Reconstruction uncertainty needs the model's decoders; none were given.");
        }
        DiscardingGraph graph = graphFor(ordered, settings, ru ? decoders : null);
        listener.started(ordered, settings.maxSteps());
        long start = System.nanoTime();
        graph.setImage(pixels);
        Run run = new Run(graph, ordered, settings, listener, cancelled, start);
        return new DiscardingResult(run.grid, run.execute());
    }

    private List<String> inNetworkOrder(List<String> layers) {
        if (layers.isEmpty()) {
            throw new SieveException("No layers chosen. Valid layers: "
                    + String.join(", ", network.analysableLayers().stream().map(Layer::name).toList()) + ".");
        }
        return network.inOrder(layers);
    }

    private DiscardingGraph graphFor(List<String> layers, DiscardingSettings s, DecoderSet decoders) {
        var input = network.input();
        int[] grid = s.grid(input.height(), input.width());
        String key = String.join(",", layers) + "|" + grid[0] + "x" + grid[1] + "|" + s.draws() + "|"
                + s.sigmaMin() + "|" + s.sigmaMax() + "|" + s.device() + "|" + s.phi() + "|"
                + (decoders == null ? "" : decoders.sha256());
        DiscardingGraph g = graphs.get(key);
        if (g == null) {
            List<Network> decoding = decoders == null ? null
                    : decoders.forLayers(layers).stream().map(DecoderSet.Decoder::network).toList();
            g = new DiscardingGraph(network, mean, std, layers, grid, s.draws(), s, decoding);
            graphs.put(key, g);
        }
        return g;
    }

    static boolean anyOf(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    /** How many graphs are kept now. */
    int graphCount() {
        return graphs.size();
    }

    @Override
    public void close() {
        graphs.values().forEach(DiscardingGraph::close);
        graphs.clear();
    }

    /** The state of one analysis. */
    private static final class Run {
        private final DiscardingGraph graph;
        private final List<String> layers;
        private final DiscardingSettings s;
        private final AnalysisListener listener;
        private final BooleanSupplier cancelled;
        private final long start;
        private final int count;
        private final boolean[] active;
        private final String[] failure;
        private final int[] stepsDone;
        private final List<float[]> entropyTrace = new ArrayList<>();
        private final List<float[]> ratioTrace = new ArrayList<>();
        private float[] lastLambda;
        private final SigmaGrid grid;

        Run(DiscardingGraph graph, List<String> layers, DiscardingSettings s, AnalysisListener listener,
                BooleanSupplier cancelled, long start) {
            this.graph = graph;
            this.layers = layers;
            this.s = s;
            this.listener = listener;
            this.cancelled = cancelled;
            this.start = start;
            this.count = layers.size();
            this.active = new boolean[count];
            this.failure = new String[count];
            this.stepsDone = new int[count];
            this.grid = new SigmaGrid(graph.gridHeight, graph.gridWidth, graph.height, graph.width,
                    graph.cellOfPixel);
        }

        List<LayerResult> execute() {
            int runs = (s.checkDraws() + s.draws() - 1) / s.draws();
            float[] initial = uniform((float) Math.log(s.sigma0()));
            listener.phase("Estimating D0 with " + runs * s.draws() + " noise draws per layer");
            double[] d0 = graph.distortion(initial, s.seed(), STREAM_D0, runs);
            for (int l = 0; l < count; l++) {
                if (!(d0[l] > 0) || !Double.isFinite(d0[l])) {
                    failure[l] = d0[l] == 0
                            ? "its output does not change under noise (D0 = 0), so no information can be measured"
                            : "the distortion of tiny noise is not finite (D0 = " + d0[l] + ")";
                } else {
                    active[l] = true;
                }
            }
            lastLambda = new float[count];
            graph.reset(initial, toFloats(d0), s.seed(), active);
            listener.phase(PHASE_OPTIMISE);
            optimise();
            float[][] logSigma = graph.logSigma();
            listener.phase("Checking the constraint on fresh noise");
            boolean[] failed = new boolean[count];
            for (int l = 0; l < count; l++) {
                failed[l] = failure[l] != null;
            }
            double[] ratio = new ConstraintCheck(graph, s, d0, runs, cancelled).apply(logSigma, failed);
            return report(logSigma, ratio);
        }

        /**
         * Runs the steps. Step sizes decay linearly over the budget; once every layer is stable,
         * a short settling tail (half the convergence window) decays them to the final fraction
         * and ends the run, so stopping early never freezes step noise into sigma.
         */
        private void optimise() {
            int window = Math.max(2, (int) Math.ceil(CONVERGENCE_WINDOW * s.maxSteps()));
            long lastSnapshot = 0;
            int settleFrom = -1;
            int settleTo = s.maxSteps();
            double settleScale = 1;
            for (int step = 1; step <= settleTo && anyOf(active); step++) {
                if (cancelled.getAsBoolean()) {
                    throw new AnalysisCancelledException();
                }
                double scale = settleFrom < 0
                        ? decayed((step - 1) / (double) Math.max(1, s.maxSteps() - 1), 1)
                        : decayed((step - settleFrom) / (double) Math.max(1, settleTo - settleFrom), settleScale);
                DiscardingGraph.StepValues v = graph.step(s.learningRate() * scale, s.tau(), s.levelRate() * scale);
                entropyTrace.add(v.entropyPerDim());
                ratioTrace.add(v.ratio());
                boolean deactivated = false;
                for (int l = 0; l < count; l++) {
                    if (!active[l]) {
                        continue;
                    }
                    if (!Float.isFinite(v.loss()[l]) || !Float.isFinite(v.ratio()[l])) {
                        active[l] = false;
                        deactivated = true;
                        failure[l] = "the distortion became non-finite at step " + step
                                + " (its output overflows under noise); optimisation of this layer stopped";
                        continue;
                    }
                    stepsDone[l] = step;
                    lastLambda[l] = v.lambda()[l];
                    listener.step(new StepEvent(layers.get(l), l, step, s.maxSteps(), v.loss()[l], v.ratio()[l],
                            v.lambda()[l], v.entropyPerDim()[l]));
                }
                if (deactivated) {
                    graph.setActive(active);
                }
                long now = System.currentTimeMillis();
                if (listener.wantsSigma() && now - lastSnapshot >= SNAPSHOT_MILLIS) {
                    lastSnapshot = now;
                    sendSnapshot(step);
                }
                if (settleFrom < 0 && step >= window && allStable(window)) {
                    settleFrom = step;
                    settleTo = Math.min(s.maxSteps(), step + window / 2);
                    settleScale = scale;
                }
            }
        }

        /** From {@code start} at progress 0 down to the final fraction at progress 1. */
        private static double decayed(double progress, double start) {
            return start - (start - FINAL_LEARNING_RATE_FRACTION) * Math.min(1, progress);
        }

        private void sendSnapshot(int step) {
            float[][] logSigma = graph.logSigma();
            for (int l = 0; l < count; l++) {
                if (active[l]) {
                    listener.sigma(layers.get(l), step, grid.rowsOf(exp(logSigma[l])));
                }
            }
        }

        /** Every active layer's entropy stable over the window and its constraint nearly met. */
        private boolean allStable(int window) {
            for (int l = 0; l < count; l++) {
                if (active[l] && !stable(l, window)) {
                    return false;
                }
            }
            return true;
        }

        private boolean stable(int l, int window) {
            int n = entropyTrace.size();
            if (n < window) {
                return false;
            }
            // Averages over a quarter of the window at either end: metric 2's per-step value is a
            // noisy estimate, and a single step would judge the noise rather than the trend.
            int k = Math.max(1, window / 4);
            double now = traceMean(n - k, n, l);
            double then = traceMean(n - window, n - window + k, l);
            double meanRatio = 0;
            for (int i = n - window; i < n; i++) {
                meanRatio += ratioTrace.get(i)[l];
            }
            meanRatio /= window;
            return Math.abs(now - then) <= CONVERGENCE_TOLERANCE * Math.max(1, Math.abs(now))
                    && Math.abs(meanRatio - s.tau()) / s.tau() <= CONSTRAINT_TOLERANCE;
        }


        private double traceMean(int from, int to, int l) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += entropyTrace.get(i)[l];
            }
            return sum / (to - from);
        }

        private List<LayerResult> report(float[][] logSigma, double[] ratio) {
            DiscardingGraph.Uncertainty uncertainty = null;
            if (s.metric() == Metric.RECONSTRUCTION_UNCERTAINTY) {
                listener.phase("Measuring the reconstruction uncertainty on fresh noise");
                uncertainty = graph.uncertainty(flatten(logSigma), s.seed(), STREAM_UNCERTAINTY,
                        (s.checkDraws() + s.draws() - 1) / s.draws());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int window = Math.max(2, (int) Math.ceil(CONVERGENCE_WINDOW * s.maxSteps()));
            double saturation = Math.log(s.sigmaMax()) - 1e-4;
            List<LayerResult> results = new ArrayList<>();
            double envelope = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < count; l++) {
                String name = layers.get(l);
                long[] shape = graph.outputShapes[l];
                if (failure[l] != null) {
                    results.add(LayerResult.failed(name, shape, stepsDone[l], seconds, failure[l]));
                    continue;
                }
                float[] h = new float[logSigma[l].length];
                int saturated = 0;
                for (int c = 0; c < h.length; c++) {
                    h[c] = (float) (logSigma[l][c] + DiscardingGraph.GAUSSIAN_ENTROPY_OFFSET);
                    if (logSigma[l][c] >= saturation) {
                        saturated++;
                    }
                }
                double perDim = grid.pixelMean(h);
                float[] reconstruction = null;
                if (uncertainty != null) {
                    float[] r = uncertainty.pixelMaps()[l];
                    h = grid.cellMeans(r);
                    perDim = mean(r);
                    reconstruction = uncertainty.reconstructions()[l];
                }
                envelope = Math.max(envelope, perDim);
                boolean constraintMet = Math.abs(ratio[l] - s.tau()) / s.tau() <= CONSTRAINT_TOLERANCE;
                boolean converged = constraintMet && stable(l, window);
                LayerResult r = new LayerResult(name, shape, perDim,
                        perDim * graph.height * graph.width * graph.channels, envelope, ratio[l], lastLambda[l],
                        converged, saturated, stepsDone[l], seconds, grid.rowsOf(exp(logSigma[l])), grid.rowsOf(h),
                        reconstruction, null, null);
                results.add(r);
            }
            results.forEach(listener::layerFinished);
            return results;
        }

        private float[] flatten(float[][] perLayer) {
            float[] out = new float[count * grid.cells()];
            for (int l = 0; l < count; l++) {
                System.arraycopy(perLayer[l], 0, out, l * grid.cells(), grid.cells());
            }
            return out;
        }

        private static double mean(float[] values) {
            double sum = 0;
            for (float v : values) {
                sum += v;
            }
            return sum / values.length;
        }

        private float[] uniform(float value) {
            float[] out = new float[count * grid.cells()];
            Arrays.fill(out, value);
            return out;
        }

        private static float[] exp(float[] values) {
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) Math.exp(values[i]);
            }
            return out;
        }

        private static float[] toFloats(double[] values) {
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) values[i];
            }
            return out;
        }
    }
}
