package org.sieve.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sieve.network.ConstantWeights;
import org.sieve.network.Network;
import org.sieve.tf.Tensors;
import org.sieve.tf.ComputeDevice;
import org.sieve.tf.TensorFlowRuntime;
import org.sieve.tf.TensorFlowRuntime.Rewriting;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The TensorFlow graph that optimises the sigma grids of a set of layers of one network for an
 * {@link Objective}: the noisy forward pass, the distortion ratio, and one fused optimisation
 * step (noise drawn in the graph, forward to the deepest analysed layer, backward, Adam along
 * the objective's descent direction and a damped correction of each layer's level towards the
 * constraint) that runs as a single Session.run for all layers at once. Only per-layer scalars
 * cross to Java per step. Every layer's numbers depend on its own noise stream, step sizes and
 * active flag alone, so a layer comes out the same whichever layers share the graph. The graph
 * depends on the network, layers, grid, draws, clamps and objective, not on the image, so it
 * can be reused across images, and its optimiser state can be read and handed on to a graph of
 * some of its layers.
 */
final class SigmaGraph implements AutoCloseable {

    final int layerCount;
    final int height;
    final int width;
    final int channels;
    /** Output shape of each analysed layer, without the batch axis. */
    final long[][] outputShapes;
    private final SigmaGrid grid;
    private final Objective objective;

    private final Graph graph;
    private final Session session;

    private final Placeholder<TFloat32> imageIn;
    private final Op assignImage;

    private final OptimiserVariables vars;
    private final FusedStep step;

    private final Placeholder<TFloat32> measureLogSigma;
    private final Placeholder<TInt64> measureKeys;
    private final Placeholder<TInt64> measureCounter;
    private final Operand<TFloat32> measuredDistortion;
    private final Operand<TFloat32> jacobianEnergy;

    /** @param objective what sigma is optimised for, built on this graph */
    SigmaGraph(Network network, float[] mean, float[] std, List<String> layers, int[] gridSize, int draws,
            DiscardingSettings settings, Objective.Builder objective) {
        var input = network.input();
        this.layerCount = layers.size();
        int gridHeight = gridSize[0];
        int gridWidth = gridSize[1];
        this.height = input.height();
        this.width = input.width();
        this.channels = input.channels();
        this.graph = TensorFlowRuntime.get().newGraph();
        try {
            Ops tf = Ops.create(graph);
            Shape gridShape = Shape.of(layerCount, gridHeight, gridWidth);
            Shape layerShape = Shape.of(layerCount);
            imageIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, height, width, channels)));
            Variable<TFloat32> image = tf.variable(tf.zeros(tf.constant(new long[] {1, height, width, channels}),
                    TFloat32.class));
            assignImage = tf.assign(image, imageIn);

            // Optimisation state, set per analysis (or handed on from another graph).
            vars = new OptimiserVariables(tf, layerCount, gridShape);
            ConstantWeights weights = new ConstantWeights(tf, network);
            NoisyForward forward = new NoisyForward(tf, network, weights, image, mean, std, layers, settings.phi());
            this.objective = objective.build(tf, image);
            step = new FusedStep(tf, graph, forward, vars, this.objective, draws, settings);
            outputShapes = forward.outputShapes;

            // A pass over a fed sigma on a fed stream, for D0, calibration, the check and the report.
            measureLogSigma = tf.placeholder(TFloat32.class, Placeholder.shape(gridShape));
            measureKeys = tf.placeholder(TInt64.class, Placeholder.shape(layerShape));
            measureCounter = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
            NoisyForward.Pass measured = forward.pass(measureLogSigma, measureKeys, measureCounter, draws);
            measuredDistortion = measured.distortion();
            this.objective.measureOn(tf, measured);
            jacobianEnergy = forward.jacobianEnergy(graph, measureKeys, measureCounter, draws);

            // Grappler's passes cost more at each new run signature's first run (seconds on a
            // photo network, and again for every graph of fewer layers) than they saved per
            // step on the CPU (docs/performance-engine.md); on a GPU its layout pass is kept.
            this.session = TensorFlowRuntime.get().openSession(graph, settings.device(),
                    settings.device() == ComputeDevice.CPU ? Rewriting.AS_BUILT : Rewriting.OPTIMISED);
            session.initialize();
            this.grid = new SigmaGrid(gridHeight, gridWidth, height, width, cellMap(tf, gridHeight, gridWidth));
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    SigmaGrid grid() {
        return grid;
    }

    Objective objective() {
        return objective;
    }

    /** Asks TensorFlow which cell each pixel takes its sigma from, so Java agrees exactly. */
    private int[] cellMap(Ops tf, int gridHeight, int gridWidth) {
        float[] index = new float[gridHeight * gridWidth];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        Operand<TFloat32> cells = tf.constant(Shape.of(1, gridHeight, gridWidth, 1),
                org.tensorflow.ndarray.buffer.DataBuffers.of(index, true, false));
        Operand<TFloat32> up = tf.image.resizeNearestNeighbor(cells, tf.constant(new int[] {height, width}));
        try (Result r = session.runner().fetch(up).run()) {
            float[] map = Tensors.floats(r.get(0));
            int[] out = new int[map.length];
            for (int i = 0; i < map.length; i++) {
                out[i] = Math.round(map[i]);
            }
            return out;
        }
    }

    void setImage(float[] pixels) {
        try (var t = Tensors.of(pixels, 1, height, width, channels)) {
            session.runner().feed(imageIn, t).addTarget(assignImage).run().close();
        }
    }

    /** Starts an optimisation from {@code logSigma} with each layer's D0 and noise key. */
    void reset(float[][] logSigma, float[] d0, long[] keys, boolean[] active) {
        float[][] zeros = new float[layerCount][grid.cells()];
        restore(new State(logSigma, zeros, zeros, 0, NoiseStream.STEP.counter(0, 0)), d0, keys, active);
    }

    /**
     * Where an optimisation stands after some steps: log sigma and Adam's moments per layer,
     * [layer][cell], and the step count and noise counter that all layers share.
     */
    record State(float[][] logSigma, float[][] m, float[][] v, float t, long counter) {

        /** The state of the layers at these indices, in that order. */
        State of(int[] layers) {
            return new State(pick(logSigma, layers), pick(m, layers), pick(v, layers), t, counter);
        }

        private static float[][] pick(float[][] rows, int[] indices) {
            float[][] out = new float[indices.length][];
            for (int i = 0; i < indices.length; i++) {
                out[i] = rows[indices[i]];
            }
            return out;
        }
    }

    State state() {
        Session.Runner runner = session.runner();
        vars.handedOn.forEach(runner::fetch);
        try (Result r = runner.run()) {
            int cells = grid.cells();
            return new State(split(Tensors.floats(r.get(0)), cells), split(Tensors.floats(r.get(1)), cells),
                    split(Tensors.floats(r.get(2)), cells), Tensors.floats(r.get(3))[0],
                    ((TInt64) r.get(4)).getLong());
        }
    }

    /** Goes on from {@code state} (another graph's, for these layers) with each layer's D0 and noise key. */
    void restore(State state, float[] d0, long[] keys, boolean[] active) {
        try (var s = sigmaTensor(state.logSigma());
                var m = sigmaTensor(state.m());
                var v = sigmaTensor(state.v());
                var t = Tensors.of(new float[] {state.t()});
                var d = Tensors.of(d0, layerCount);
                var k = Tensors.of(keys);
                var c = Tensors.scalar(state.counter());
                var a = Tensors.of(active)) {
            session.runner().feed(vars.logSigmaIn, s).feed(vars.mIn, m).feed(vars.vIn, v).feed(vars.tIn, t)
                    .feed(vars.d0In, d).feed(vars.keysIn, k).feed(vars.counterIn, c).feed(vars.activeIn, a)
                    .addTarget(vars.restore).run().close();
        }
    }

    /**
     * Goes on from the current sigma and optimiser state with a new D0 and active flags: the
     * image changed a little (live mode), so the optimisation so far is a warm start.
     */
    void retarget(float[] d0, boolean[] active) {
        try (var d = Tensors.of(d0, layerCount); var a = Tensors.of(active)) {
            session.runner().feed(vars.d0In, d).feed(vars.activeIn, a).addTarget(vars.retarget).run().close();
        }
    }

    void setActive(boolean[] active) {
        try (var a = Tensors.of(active)) {
            session.runner().feed(vars.activeIn, a).addTarget(vars.assignActive).run().close();
        }
    }

    /** Per-layer values read during one step, before its update; value is h̄ or r̄. */
    record StepValues(float[] loss, float[] ratio, float[] lambda, float[] value) {
    }

    /**
     * One step of every layer.
     *
     * @param learningRate per layer, Adam's step size on log sigma
     * @param levelRate    per layer, the share of the way to the constraint's level taken
     */
    StepValues step(float[] learningRate, float[] levelRate, double tau) {
        try (var lr = Tensors.of(learningRate, layerCount);
                var level = Tensors.of(levelRate, layerCount);
                var t = Tensors.of(new float[] {(float) tau});
                Result r = session.runner().feed(step.learningRateIn, lr).feed(step.levelRateIn, level)
                        .feed(step.tauIn, t).fetch(step.loss).fetch(step.ratio).fetch(step.lambda).fetch(step.value)
                        .addTarget(step.train).run()) {
            return new StepValues(Tensors.floats(r.get(0)), Tensors.floats(r.get(1)), Tensors.floats(r.get(2)),
                    Tensors.floats(r.get(3)));
        }
    }

    /** The current log sigma of every layer, [layer][row * columns + column]. */
    float[][] logSigma() {
        try (Result r = session.runner().fetch(step.logSigma).run()) {
            return split(Tensors.floats(r.get(0)), grid.cells());
        }
    }

    /** D per layer for the given log sigma, averaged over {@code runs} batches of draws of a stream. */
    double[] distortion(float[][] logSigma, long[] keys, NoiseStream stream, int attempt, int runs) {
        return averaged(List.of(measuredDistortion), logSigma, keys, stream, attempt, runs).get(0);
    }

    /**
     * Per layer, the Jacobian energy of phi(f_l) at the clean image per input pixel (summed over
     * channels), [layer][y * width + x], averaged over {@code runs} batches of probes.
     */
    float[][] jacobianEnergy(long[] keys, int runs) {
        double[] mean = averaged(List.of(jacobianEnergy), OptimisationRun.uniform(this, 0f), keys,
                NoiseStream.FIRST_ORDER, 0, runs).get(0);
        float[] flat = new float[mean.length];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) mean[i];
        }
        return split(flat, height * width);
    }

    /**
     * Measured outputs for the given log sigma, each averaged over {@code runs} batches of draws of
     * a stream; all outputs of a batch come from one pass.
     */
    List<double[]> averaged(List<Operand<TFloat32>> outputs, float[][] logSigma, long[] keys, NoiseStream stream,
            int attempt, int runs) {
        List<double[]> sums = new ArrayList<>();
        try (var s = sigmaTensor(logSigma); var k = Tensors.of(keys)) {
            for (int run = 0; run < runs; run++) {
                Session.Runner runner = session.runner().feed(measureLogSigma, s).feed(measureKeys, k);
                outputs.forEach(runner::fetch);
                try (var c = Tensors.scalar(stream.counter(attempt, run));
                        Result r = runner.feed(measureCounter, c).run()) {
                    for (int o = 0; o < outputs.size(); o++) {
                        float[] x = Tensors.floats(r.get(o));
                        if (sums.size() == o) {
                            sums.add(new double[x.length]);
                        }
                        double[] sum = sums.get(o);
                        for (int i = 0; i < x.length; i++) {
                            sum[i] += x[i];
                        }
                    }
                }
            }
        }
        for (double[] sum : sums) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= runs;
            }
        }
        return sums;
    }

    private TFloat32 sigmaTensor(float[][] logSigma) {
        int cells = grid.cells();
        float[] flat = new float[layerCount * cells];
        for (int l = 0; l < layerCount; l++) {
            System.arraycopy(logSigma[l], 0, flat, l * cells, cells);
        }
        return Tensors.of(flat, layerCount, grid.rows(), grid.columns());
    }

    private float[][] split(float[] flat, int size) {
        float[][] out = new float[layerCount][];
        for (int l = 0; l < layerCount; l++) {
            out[l] = Arrays.copyOfRange(flat, l * size, (l + 1) * size);
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
