package org.sieve.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sieve.network.ConstantWeights;
import org.sieve.network.Network;
import org.sieve.tf.Tensors;
import org.sieve.tf.TensorFlowRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The TensorFlow graph of metric 1 for a set of layers of one network: the noisy forward pass,
 * the distortion ratio, and one fused optimisation step (noise drawn in the graph, forward to
 * the deepest analysed layer, backward, Adam on the shape of s = log sigma and a damped
 * correction of its level towards the constraint) that
 * runs as a single Session.run for all layers at once. Only per-layer scalars cross to Java
 * per step. The graph depends on the network, layers, grid, draws and clamps, not on the
 * image, so it can be reused across images.
 */
final class DiscardingGraph implements AutoCloseable {

    private static final float BETA1 = 0.95f;
    private static final float BETA2 = 0.999f;
    private static final float ADAM_EPSILON = 1e-8f;
    /** 0.5 * log(2 pi e): the entropy of a unit Gaussian, added to log sigma. */
    static final double GAUSSIAN_ENTROPY_OFFSET = 0.5 * Math.log(2 * Math.PI * Math.E);

    final int layerCount;
    final int gridHeight;
    final int gridWidth;
    final int height;
    final int width;
    final int channels;
    final int draws;
    /** Output shape of each analysed layer, without the batch axis. */
    final long[][] outputShapes;
    /** The sigma-grid cell of every input pixel, row-major, as TensorFlow's upsampling maps it. */
    final int[] cellOfPixel;

    private final Graph graph;
    private final Session session;

    private final Placeholder<TFloat32> imageIn;
    private final Op assignImage;

    private final Placeholder<TFloat32> logSigmaIn;
    private final Placeholder<TFloat32> d0In;
    private final Placeholder<TInt64> seedIn;
    private final Op reset;
    private final Placeholder<TBool> activeIn;
    private final Op assignActive;

    private final Placeholder<TFloat32> hyperIn;
    private final Op train;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> ratio;
    private final Operand<TFloat32> lambdaRead;
    private final Operand<TFloat32> entropy;
    private final Operand<TFloat32> logSigmaRead;

    private final Placeholder<TFloat32> measureLogSigma;
    private final Placeholder<TInt64> measureSeed;
    private final Operand<TFloat32> measuredDistortion;
    /** Metric 2 only: per layer and pixel, r averaged over a batch of draws; the clean reconstructions. */
    private final Operand<TFloat32> measuredUncertainty;
    private final Operand<TFloat32> cleanReconstruction;

    /**
     * @param decoders each layer's decoder, in the order of {@code layers}, for metric 2; null for metric 1
     */
    DiscardingGraph(Network network, float[] mean, float[] std, List<String> layers, int[] grid, int draws,
            DiscardingSettings settings, List<Network> decoders) {
        var input = network.input();
        this.layerCount = layers.size();
        this.gridHeight = grid[0];
        this.gridWidth = grid[1];
        this.height = input.height();
        this.width = input.width();
        this.channels = input.channels();
        this.draws = draws;
        this.graph = TensorFlowRuntime.get().newGraph();
        try {
            Ops tf = Ops.create(graph);
            Shape gridShape = Shape.of(layerCount, gridHeight, gridWidth);
            Shape layerShape = Shape.of(layerCount);

            imageIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, height, width, channels)));
            Variable<TFloat32> image = tf.variable(tf.zeros(tf.constant(new long[] {1, height, width, channels}),
                    TFloat32.class));
            assignImage = tf.assign(image, imageIn);

            // Optimisation state, reset per analysis.
            logSigmaIn = tf.placeholder(TFloat32.class, Placeholder.shape(gridShape));
            d0In = tf.placeholder(TFloat32.class, Placeholder.shape(layerShape));
            seedIn = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(1)));
            activeIn = tf.placeholder(TBool.class, Placeholder.shape(layerShape));
            Variable<TFloat32> s = tf.variable(tf.zeros(tf.constant(gridShape), TFloat32.class));
            Variable<TFloat32> m = tf.variable(tf.zeros(tf.constant(gridShape), TFloat32.class));
            Variable<TFloat32> v = tf.variable(tf.zeros(tf.constant(gridShape), TFloat32.class));
            Variable<TFloat32> t = tf.variable(tf.constant(0f));
            Variable<TFloat32> d0 = tf.variable(tf.ones(tf.constant(layerShape), TFloat32.class));
            Variable<TBool> active = tf.variable(tf.constant(new boolean[layerCount]));
            Variable<TInt64> seed = tf.variable(tf.constant(new long[] {0}));
            Variable<TInt64> counter = tf.variable(tf.constant(0L));
            reset = tf.withControlDependencies(List.of(
                    tf.assign(s, logSigmaIn), tf.assign(m, tf.zerosLike(logSigmaIn)),
                    tf.assign(v, tf.zerosLike(logSigmaIn)), tf.assign(t, tf.constant(0f)),
                    tf.assign(d0, d0In), tf.assign(seed, seedIn),
                    tf.assign(counter, tf.constant(0L)), tf.assign(active, activeIn))).noOp();
            assignActive = tf.assign(active, activeIn);

            ConstantWeights weights = new ConstantWeights(tf, network);
            NoisyForward forward = new NoisyForward(tf, network, weights, image, mean, std, layers, settings.phi());
            outputShapes = forward.outputShapes;

            // One optimisation step: projected gradient ascent of the objective on the constraint.
            hyperIn = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(3)));
            Operand<TFloat32> lr = tf.slice(hyperIn, tf.constant(new int[] {0}), tf.constant(new int[] {1}));
            Operand<TFloat32> tau = tf.slice(hyperIn, tf.constant(new int[] {1}), tf.constant(new int[] {1}));
            Operand<TFloat32> levelRate = tf.slice(hyperIn, tf.constant(new int[] {2}), tf.constant(new int[] {1}));
            logSigmaRead = tf.identity(s);
            Operand<TInt64> stepSeed = tf.concat(List.of(tf.identity(seed), tf.reshape(tf.identity(counter),
                    tf.constant(new int[] {1}))), tf.constant(0));
            NoisyForward.Pass pass = forward.pass(logSigmaRead, stepSeed, draws);
            ratio = tf.math.div(pass.distortion(), d0);
            Operand<TBool> isActive = tf.identity(active);
            Operand<TFloat32> activeRatio = tf.reduceSum(tf.select(isActive, ratio, tf.zerosLike(ratio)),
                    tf.constant(0));
            @SuppressWarnings("unchecked")
            Operand<TFloat32> g = (Operand<TFloat32>) graph.addGradients(activeRatio.asOutput(),
                    new Output<?>[] {logSigmaRead.asOutput()})[0];
            Operand<TInt32> cellAxes = tf.constant(new int[] {1, 2});
            Operand<TFloat32> shapeGradient;
            Reconstruction reconstruction = decoders == null ? null
                    : new Reconstruction(tf, network, layers, decoders, image);
            if (reconstruction == null) {
                entropy = tf.math.add(pass.meanUpsampledLogSigma(), tf.constant((float) GAUSSIAN_ENTROPY_OFFSET));
                // The multiplier that makes the Lagrangian D/D0 - lambda * mean(s) flat on average over
                // the cells (its KKT value): Adam then only reshapes sigma, it does not move its level.
                lambdaRead = tf.reduceSum(g, cellAxes);
                Operand<TFloat32> meanLogSigma = tf.math.mean(logSigmaRead, cellAxes);
                loss = tf.math.sub(ratio, tf.math.mul(lambdaRead, meanLogSigma));
                shapeGradient = tf.math.sub(g, tf.math.mean(g, cellAxes,
                        org.tensorflow.op.math.Mean.keepDims(true)));
            } else {
                // Metric 2 maximises the reconstruction term U on the same constraint: Adam descends
                // the part of -grad U tangent to the constraint's level set, and the level follows
                // the constraint as in metric 1. lambda is the multiplier of D/D0 - lambda * U.
                Reconstruction.Terms terms = reconstruction.of(pass);
                Operand<TFloat32> activeObjective = tf.reduceSum(tf.select(isActive, terms.objective(),
                        tf.zerosLike(terms.objective())), tf.constant(0));
                @SuppressWarnings("unchecked")
                Operand<TFloat32> u = (Operand<TFloat32>) graph.addGradients(activeObjective.asOutput(),
                        new Output<?>[] {logSigmaRead.asOutput()})[0];
                shapeGradient = tf.math.sub(tf.math.mul(along(tf, u, g), g), u);
                lambdaRead = tf.math.divNoNan(tf.reduceSum(tf.math.square(g), cellAxes),
                        tf.reduceSum(tf.math.mul(u, g), cellAxes));
                entropy = tf.math.mul(tf.constant(0.5f), terms.objective());
                loss = tf.math.sub(ratio, tf.math.mul(lambdaRead, terms.objective()));
            }

            Operand<TFloat32> t1 = tf.math.add(t, tf.constant(1f));
            Operand<TFloat32> m1 = tf.math.add(tf.math.mul(m, tf.constant(BETA1)),
                    tf.math.mul(shapeGradient, tf.constant(1f - BETA1)));
            Operand<TFloat32> v1 = tf.math.add(tf.math.mul(v, tf.constant(BETA2)),
                    tf.math.mul(tf.math.square(shapeGradient), tf.constant(1f - BETA2)));
            Operand<TFloat32> correction = tf.math.div(
                    tf.math.sqrt(tf.math.sub(tf.constant(1f), tf.math.pow(tf.constant(BETA2), t1))),
                    tf.math.sub(tf.constant(1f), tf.math.pow(tf.constant(BETA1), t1)));
            Operand<TFloat32> update = tf.math.mul(tf.math.mul(lr, correction),
                    tf.math.div(m1, tf.math.add(tf.math.sqrt(v1), tf.constant(ADAM_EPSILON))));
            if (reconstruction != null) {
                // Adam's per-cell scaling tilts metric 2's tangent step back towards more distortion,
                // which a damped level correction only balances off tau; taking the step's component
                // along grad D out keeps it on the level set to first order.
                update = tf.math.sub(update, tf.math.mul(along(tf, update, g), g));
            }
            // The level follows the constraint: near the operating point D grows like sigma^2, so
            // shifting log sigma by log(tau / ratio) / 2 would land on tau; a damped share of it
            // averages out the noise of the few-draw estimate.
            Operand<TFloat32> level = tf.math.mul(levelRate, tf.math.mul(tf.constant(0.5f),
                    tf.math.log(tf.math.div(tau, tf.math.maximum(ratio, tf.constant(1e-6f))))));
            Operand<TFloat32> levelCells = tf.reshape(level, tf.constant(new int[] {layerCount, 1, 1}));
            Operand<TFloat32> stepped = tf.clipByValue(tf.math.add(tf.math.sub(logSigmaRead, update), levelCells),
                    tf.constant((float) Math.log(settings.sigmaMin())),
                    tf.constant((float) Math.log(settings.sigmaMax())));
            Operand<TBool> activeCells = tf.reshape(isActive, tf.constant(new int[] {layerCount, 1, 1}));
            Operand<TFloat32> sNext = tf.select(activeCells, stepped, logSigmaRead);

            // Every read of the state finishes before any write.
            Ops afterReads = tf.withControlDependencies(List.of((Op) loss, (Op) ratio, (Op) entropy,
                    (Op) lambdaRead, (Op) logSigmaRead, (Op) activeRatio));
            List<Op> writes = new ArrayList<>(List.of(
                    afterReads.assign(s, sNext), afterReads.assign(m, m1), afterReads.assign(v, v1),
                    afterReads.assign(t, t1), afterReads.assignAdd(counter, tf.constant(1L))));
            train = tf.withControlDependencies(writes).noOp();

            // Distortion for a given sigma, for D0, calibration and the final check.
            measureLogSigma = tf.placeholder(TFloat32.class, Placeholder.shape(gridShape));
            measureSeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
            NoisyForward.Pass measured = forward.pass(measureLogSigma, measureSeed, draws);
            measuredDistortion = measured.distortion();
            Reconstruction.Terms measuredTerms = reconstruction == null ? null : reconstruction.of(measured);
            measuredUncertainty = measuredTerms == null ? null : measuredTerms.pixelMap();
            cleanReconstruction = measuredTerms == null ? null : measuredTerms.clean();

            this.session = TensorFlowRuntime.get().openSession(graph, settings.device());
            session.initialize();
            this.cellOfPixel = cellMap(tf);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** Per layer, the coefficient of x's projection on g over the cells, shaped [layers, 1, 1]. */
    private Operand<TFloat32> along(Ops tf, Operand<TFloat32> x, Operand<TFloat32> g) {
        Operand<TInt32> cellAxes = tf.constant(new int[] {1, 2});
        return tf.reshape(tf.math.divNoNan(tf.reduceSum(tf.math.mul(x, g), cellAxes),
                tf.reduceSum(tf.math.square(g), cellAxes)), tf.constant(new int[] {layerCount, 1, 1}));
    }

    /** Asks TensorFlow which cell each pixel takes its sigma from, so Java agrees exactly. */
    private int[] cellMap(Ops tf) {
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

    void reset(float[] logSigma, float[] d0, long seed, boolean[] active) {
        try (var s = Tensors.of(logSigma, layerCount, gridHeight, gridWidth);
                var d = Tensors.of(d0, layerCount);
                var sd = Tensors.of(new long[] {seed});
                var a = Tensors.of(active)) {
            session.runner().feed(logSigmaIn, s).feed(d0In, d).feed(seedIn, sd)
                    .feed(activeIn, a).addTarget(reset).run().close();
        }
    }

    void setActive(boolean[] active) {
        try (var a = Tensors.of(active)) {
            session.runner().feed(activeIn, a).addTarget(assignActive).run().close();
        }
    }

    /** Per-layer values read during one step, before its update. */
    record StepValues(float[] loss, float[] ratio, float[] lambda, float[] entropyPerDim) {
    }

    StepValues step(double learningRate, double tau, double levelRate) {
        try (var hyper = Tensors.of(new float[] {(float) learningRate, (float) tau, (float) levelRate}, 3);
                Result r = session.runner().feed(hyperIn, hyper).fetch(loss).fetch(ratio).fetch(lambdaRead)
                        .fetch(entropy).addTarget(train).run()) {
            return new StepValues(Tensors.floats(r.get(0)), Tensors.floats(r.get(1)), Tensors.floats(r.get(2)),
                    Tensors.floats(r.get(3)));
        }
    }

    /** The current log sigma of every layer, [layer][row * gridWidth + column]. */
    float[][] logSigma() {
        try (Result r = session.runner().fetch(logSigmaRead).run()) {
            return split(Tensors.floats(r.get(0)));
        }
    }

    /** D per layer for the given log sigma, averaged over {@code runs} batches of fresh draws. */
    double[] distortion(float[] logSigma, long seed, long stream, int runs) {
        double[] sum = new double[layerCount];
        try (var s = Tensors.of(logSigma, layerCount, gridHeight, gridWidth)) {
            for (int run = 0; run < runs; run++) {
                try (var sd = Tensors.of(new long[] {seed, stream + run});
                        Result r = session.runner().feed(measureLogSigma, s).feed(measureSeed, sd)
                                .fetch(measuredDistortion).run()) {
                    float[] d = Tensors.floats(r.get(0));
                    for (int l = 0; l < layerCount; l++) {
                        sum[l] += d[l];
                    }
                }
            }
        }
        return Arrays.stream(sum).map(x -> x / runs).toArray();
    }

    /** Metric 2's maps for the given log sigma: per layer r per pixel and the clean reconstruction (HWC). */
    record Uncertainty(float[][] pixelMaps, float[][] reconstructions) {
    }

    /** r per layer and pixel for the given log sigma, averaged over {@code runs} batches of fresh draws. */
    Uncertainty uncertainty(float[] logSigma, long seed, long stream, int runs) {
        float[] sum = new float[layerCount * height * width];
        float[] clean = null;
        try (var s = Tensors.of(logSigma, layerCount, gridHeight, gridWidth)) {
            for (int run = 0; run < runs; run++) {
                try (var sd = Tensors.of(new long[] {seed, stream + run});
                        Result r = session.runner().feed(measureLogSigma, s).feed(measureSeed, sd)
                                .fetch(measuredUncertainty).fetch(cleanReconstruction).run()) {
                    float[] map = Tensors.floats(r.get(0));
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += map[i] / runs;
                    }
                    clean = Tensors.floats(r.get(1));
                }
            }
        }
        return new Uncertainty(split(sum, height * width), split(clean, height * width * channels));
    }

    float[][] split(float[] flat) {
        return split(flat, gridHeight * gridWidth);
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
