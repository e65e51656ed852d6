package org.sieve.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One analysis of one image on a {@link SigmaGraph}: D0, the optimisation steps, the constraint
 * check and the report. Each layer follows its own schedule: its step sizes decay linearly over
 * the step budget, and once it is stable a short settling tail (half the convergence window)
 * decays them to the final fraction and the layer stops, once its last window is stable too,
 * while the others go on (on a narrower graph once that pays, {@link ActiveLayers}). So a
 * layer's result depends on its own noise and trace alone, never on which layers came with it.
 */
final class OptimisationRun {

    /** Announced to listeners when the optimisation begins. */
    static final String PHASE_OPTIMISE = "Optimising sigma";
    /** Convergence: relative change of the objective over the last 20% of steps. */
    static final double CONVERGENCE_TOLERANCE = 0.01;
    static final double CONVERGENCE_WINDOW = 0.2;
    /**
     * The window in steps at most: with a large budget (--steps 100000) 20% would keep every
     * layer optimising for 20,000 steps after it converged in a few hundred.
     */
    static final int MAX_CONVERGENCE_WINDOW = 200;
    /** The constraint must hold within 10% on a fresh sample; the optimum aims closer. */
    static final double CONSTRAINT_TOLERANCE = 0.10;
    /** Step sizes decay linearly to this fraction so the last steps settle. */
    static final double FINAL_LEARNING_RATE_FRACTION = 0.05;

    private final SigmaGraph graph;
    private final Narrowing narrowing;
    /** The graph that steps the layers still optimising: the group's, or a narrower one. */
    private ActiveLayers stepping;
    private final List<String> layers;
    private final DiscardingSettings s;
    private final AnalysisListener listener;
    private final BooleanSupplier cancelled;
    private final long start;
    /** Every layer takes the whole step budget: the long-budget solution fidelity is measured against. */
    private final boolean fullBudget;
    private final int count;
    private final long[] keys;
    private final int window;
    private final boolean[] active;
    private final String[] failure;
    private final int[] stepsDone;
    /** Per layer, its objective value at each step it took. */
    private final List<List<Float>> trace = new ArrayList<>();
    private final List<List<Float>> ratioTrace = new ArrayList<>();
    private final float[] lastLambda;
    /** Per layer, the step its settling tail began (-1: not yet), the step it ends and the scale it starts from. */
    private final int[] settleFrom;
    private final int[] settleTo;
    private final double[] settleScale;

    /**
     * @param narrowing  where the layers still optimising may move once most have stopped, or null
     * @param fullBudget whether every layer takes all of the settings' steps
     */
    OptimisationRun(SigmaGraph graph, Narrowing narrowing, List<String> layers, DiscardingSettings s,
            AnalysisListener listener, BooleanSupplier cancelled, long start, boolean fullBudget) {
        this.graph = graph;
        this.narrowing = narrowing;
        this.layers = layers;
        this.s = s;
        this.listener = listener;
        this.cancelled = cancelled;
        this.start = start;
        this.fullBudget = fullBudget;
        this.count = layers.size();
        this.keys = NoiseStream.layerKeys(s.seed(), layers);
        this.window = Math.max(2, (int) Math.min(MAX_CONVERGENCE_WINDOW, Math.ceil(CONVERGENCE_WINDOW * s.maxSteps())));
        this.active = new boolean[count];
        this.failure = new String[count];
        this.stepsDone = new int[count];
        this.lastLambda = new float[count];
        this.settleFrom = new int[count];
        this.settleTo = new int[count];
        this.settleScale = new double[count];
        Arrays.fill(settleFrom, -1);
        Arrays.fill(settleTo, s.maxSteps());
        for (int l = 0; l < count; l++) {
            trace.add(new ArrayList<>());
            ratioTrace.add(new ArrayList<>());
        }
    }

    List<LayerResult> execute() {
        int runs = (s.checkDraws() + s.draws() - 1) / s.draws();
        float[][] initial = uniform(graph, (float) Math.log(s.sigma0()));
        listener.phase("Estimating D0 with " + runs * s.draws() + " noise draws per layer");
        double[] d0 = graph.distortion(initial, keys, NoiseStream.D0, 0, runs);
        float[] d0Values = new float[count];
        for (int l = 0; l < count; l++) {
            d0Values[l] = (float) d0[l];
            if (!(d0[l] > 0) || !Double.isFinite(d0[l])) {
                failure[l] = d0[l] == 0
                        ? "its output does not change under noise (D0 = 0), so no information can be measured"
                        : "the distortion of tiny noise is not finite (D0 = " + d0[l] + ")";
            } else {
                active[l] = true;
            }
        }
        sendApproximate(d0);
        graph.reset(initial, d0Values, keys, active);
        stepping = new ActiveLayers(graph, layers, d0Values, keys, narrowing);
        listener.phase(PHASE_OPTIMISE);
        optimise();
        float[][] logSigma = stepping.logSigma();
        boolean[] failed = new boolean[count];
        for (int l = 0; l < count; l++) {
            failed[l] = failure[l] != null;
        }
        double[] ratio = new ConstraintCheck(graph, s, d0, keys, runs, listener, cancelled).apply(logSigma, failed);
        return report(logSigma, ratio, runs);
    }

    /**
     * A listener that shows sigma gets metric 1's first-order solution at once, as an approximate
     * map (step 0). The optimisation itself starts at sigma0: started from the first-order
     * solution it met the convergence test with about a fifth fewer steps on LeNet-5, but before
     * its shape had settled (docs/performance-engine.md).
     */
    private void sendApproximate(double[] d0) {
        if (!listener.wantsSigma() || graph.objective().metric() != Metric.INFORMATION_DISCARDING) {
            return;
        }
        float[][] logSigma = FirstOrderSolution.of(graph, d0, keys, s);
        for (int l = 0; l < count; l++) {
            if (active[l]) {
                listener.sigma(layers.get(l), AnalysisListener.APPROXIMATE_STEP, graph.grid().rowsOf(exp(logSigma[l])));
            }
        }
    }

    private void optimise() {
        long lastSnapshot = 0;
        float[] learningRate = new float[count];
        float[] levelRate = new float[count];
        double[] scale = new double[count];
        for (int step = 1; step <= s.maxSteps() && anyOf(active); step++) {
            if (cancelled.getAsBoolean()) {
                throw new AnalysisCancelledException();
            }
            for (int l = 0; l < count; l++) {
                scale[l] = scale(l, step);
                learningRate[l] = (float) (s.learningRate() * scale[l]);
                levelRate[l] = (float) (s.levelRate() * scale[l]);
            }
            SigmaGraph.StepValues v = stepping.step(learningRate, levelRate, s.tau());
            boolean stopped = false;
            for (int l = 0; l < count; l++) {
                if (!active[l]) {
                    continue;
                }
                if (!Float.isFinite(v.loss()[l]) || !Float.isFinite(v.ratio()[l])) {
                    active[l] = false;
                    stopped = true;
                    failure[l] = "the distortion became non-finite at step " + step
                            + " (its output overflows under noise); optimisation of this layer stopped";
                    continue;
                }
                stepsDone[l] = step;
                lastLambda[l] = v.lambda()[l];
                trace.get(l).add(v.value()[l]);
                ratioTrace.get(l).add(v.ratio()[l]);
                listener.step(new StepEvent(layers.get(l), l, step, s.maxSteps(), v.loss()[l], v.ratio()[l],
                        v.lambda()[l], v.value()[l]));
                if (!fullBudget && settleFrom[l] < 0 && step >= window && stable(l)) {
                    settleFrom[l] = step;
                    settleTo[l] = Math.min(s.maxSteps(), step + window / 2);
                    settleScale[l] = scale[l];
                }
                // The tail can move the objective enough that the last window no longer passes
                // the convergence test the report applies; such a layer goes on at the final step
                // size, for one more window at most, rather than stop and be reported unconverged.
                if (step >= settleTo[l] && (stable(l) || step >= settleTo[l] + window)) {
                    active[l] = false;
                    stopped = true;
                }
            }
            if (stopped) {
                // Every layer left needs its settling tail at least.
                stepping.stopped(active, Math.min(window / 2, s.maxSteps() - step));
            }
            long now = System.currentTimeMillis();
            if (listener.wantsSigma() && now - lastSnapshot >= InformationDiscarding.SNAPSHOT_MILLIS) {
                lastSnapshot = now;
                sendSnapshot(step);
            }
        }
    }

    /** Layer {@code l}'s step-size scale at {@code step}: the linear decay, or its settling tail's. */
    private double scale(int l, int step) {
        return settleFrom[l] < 0
                ? decayed((step - 1) / (double) Math.max(1, s.maxSteps() - 1), 1)
                : decayed((step - settleFrom[l]) / (double) Math.max(1, settleTo[l] - settleFrom[l]), settleScale[l]);
    }

    /** From {@code start} at progress 0 down to the final fraction at progress 1. */
    private static double decayed(double progress, double start) {
        return start - (start - FINAL_LEARNING_RATE_FRACTION) * Math.min(1, progress);
    }

    private void sendSnapshot(int step) {
        float[][] logSigma = stepping.logSigma();
        for (int l = 0; l < count; l++) {
            if (active[l]) {
                listener.sigma(layers.get(l), step, graph.grid().rowsOf(exp(logSigma[l])));
            }
        }
    }

    /** The layer's objective stable over the last window of its own steps and its constraint nearly met. */
    private boolean stable(int l) {
        List<Float> values = trace.get(l);
        int n = values.size();
        if (n < window) {
            return false;
        }
        // Averages over a quarter of the window at either end: metric 2's per-step value is a
        // noisy estimate, and a single step would judge the noise rather than the trend.
        int k = Math.max(1, window / 4);
        double now = mean(values, n - k, n);
        double then = mean(values, n - window, n - window + k);
        double meanRatio = mean(ratioTrace.get(l), n - window, n);
        return Math.abs(now - then) <= CONVERGENCE_TOLERANCE * Math.max(1, Math.abs(now))
                && Math.abs(meanRatio - s.tau()) / s.tau() <= CONSTRAINT_TOLERANCE;
    }

    private static double mean(List<Float> values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values.get(i);
        }
        return sum / (to - from);
    }

    private List<LayerResult> report(float[][] logSigma, double[] ratio, int runs) {
        Objective objective = graph.objective();
        if (objective.metric() == Metric.RECONSTRUCTION_UNCERTAINTY) {
            listener.phase("Measuring the reconstruction uncertainty on fresh noise");
        }
        List<Objective.LayerMaps> maps = objective.report(graph, logSigma, keys, runs);
        double seconds = (System.nanoTime() - start) / 1e9;
        SigmaGrid grid = graph.grid();
        List<LayerResult> results = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            String name = layers.get(l);
            long[] shape = graph.outputShapes[l];
            if (failure[l] != null) {
                results.add(LayerResult.failed(name, shape, stepsDone[l], seconds, failure[l]));
                continue;
            }
            Objective.LayerMaps m = maps.get(l);
            boolean constraintMet = Math.abs(ratio[l] - s.tau()) / s.tau() <= CONSTRAINT_TOLERANCE;
            boolean converged = constraintMet && stable(l);
            results.add(new LayerResult(name, shape, m.perDim(), m.perDim() * graph.height * graph.width
                    * graph.channels, Double.NaN, ratio[l], lastLambda[l], converged, saturatedCells(logSigma[l], s), stepsDone[l],
                    seconds, grid.rowsOf(exp(logSigma[l])), grid.rowsOf(m.cellMap()), m.reconstruction(), null,
                    null));
        }
        results.forEach(listener::layerFinished);
        return results;
    }

    static boolean anyOf(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }

    /** Every layer's grid at one value. */
    static float[][] uniform(SigmaGraph graph, float logSigma) {
        float[][] grid = new float[graph.layerCount][graph.grid().cells()];
        for (float[] layer : grid) {
            Arrays.fill(layer, logSigma);
        }
        return grid;
    }

    /** Cells at the upper sigma bound: the layer ignores them completely. */
    static int saturatedCells(float[] logSigma, DiscardingSettings s) {
        double saturation = Math.log(s.sigmaMax()) - 1e-4;
        int saturated = 0;
        for (float cell : logSigma) {
            if (cell >= saturation) {
                saturated++;
            }
        }
        return saturated;
    }

    static float[] exp(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) Math.exp(values[i]);
        }
        return out;
    }
}
