package org.sieve.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sieve.network.ConstantWeights;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The noisy forward pass of metric 1 in a TensorFlow graph: every analysed layer's draws of
 * x~ = x + up(sigma) * eps through the network, and each layer's distortion D against the clean
 * image. Built once per source of sigma (the optimised variable, or a fed value).
 */
final class NoisyForward {

    /** A layer drops the draws it does not need only when that removes at least this share. */
    static final double PRUNE_SHARE = 0.25;

    private final Ops tf;
    private final Network network;
    private final ConstantWeights weights;
    private final Operand<TFloat32> image;
    private final Operand<TFloat32> mean;
    private final Operand<TFloat32> std;
    private final List<String> layers;
    private final boolean[] identity;
    private final Map<String, List<Integer>> rowBlocks;
    final long[][] outputShapes;

    /**
     * @param noisyOutputs per layer, its own draws' raw outputs (before phi), [draws, ...]
     * @param cleanOutputs per layer, the clean image's raw output, [1, ...]
     */
    record Pass(Operand<TFloat32> distortion, Operand<TFloat32> meanUpsampledLogSigma,
            List<Operand<TFloat32>> noisyOutputs, List<Operand<TFloat32>> cleanOutputs) {
    }

    NoisyForward(Ops tf, Network network, ConstantWeights weights, Operand<TFloat32> image, float[] mean,
            float[] std, List<String> layers, Phi phi) {
        this.tf = tf;
        this.network = network;
        this.weights = weights;
        this.image = image;
        this.mean = tf.constant(mean);
        this.std = tf.constant(std);
        this.layers = layers;
        this.identity = new boolean[layers.size()];
        this.outputShapes = new long[layers.size()][];
        this.rowBlocks = rowBlocks(network, layers);
        for (int l = 0; l < layers.size(); l++) {
            identity[l] = phi.identityAt(network, network.layer(layers.get(l)));
        }
    }

    /**
     * x~ = x + up(sigma) * eps for every layer's own sigma and draws, in pixel space; the
     * model's normalisation follows inside the graph. Each layer's eps is drawn from its own
     * stateless stream (its key, the counter), so it does not depend on the other layers.
     * Rows are the analysed layers' blocks of draws in network order, then the clean image;
     * each layer carries only the blocks of analysed layers that depend on it, so no draw runs
     * deeper than its own layer.
     *
     * @param keys    per layer, the key of its noise ({@link NoiseStream#layerKey}), [layers]
     * @param counter the stream counter of this batch of draws, a scalar
     */
    Pass pass(Operand<TFloat32> logSigma, Operand<TInt64> keys, Operand<TInt64> counter, int draws) {
        int count = layers.size();
        var input = network.input();
        Operand<TFloat32> up = tf.image.resizeNearestNeighbor(tf.expandDims(logSigma, tf.constant(3)),
                tf.constant(new int[] {input.height(), input.width()}));
        Operand<TFloat32> sigma = tf.expandDims(tf.math.exp(up), tf.constant(1));
        Operand<TInt32> drawShape = tf.constant(new int[] {draws, input.height(), input.width(), input.channels()});
        List<Operand<TFloat32>> layerEps = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            layerEps.add(tf.random.statelessRandomNormal(drawShape, seed(keys, l, counter)));
        }
        Operand<TFloat32> eps = tf.stack(layerEps);
        Operand<TFloat32> noisy = tf.math.add(image, tf.math.mul(sigma, eps));
        Operand<TFloat32> batch = tf.concat(List.of(tf.reshape(noisy, tf.constant(
                new int[] {count * draws, input.height(), input.width(), input.channels()})), image),
                tf.constant(0));
        Map<String, Operand<TFloat32>> taps = taps(batch, draws);

        List<Operand<TFloat32>> distortions = new ArrayList<>();
        List<Operand<TFloat32>> noisyOutputs = new ArrayList<>();
        List<Operand<TFloat32>> cleanOutputs = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            Operand<TFloat32> raw = taps.get(layers.get(l));
            long[] shape = raw.shape().asArray();
            outputShapes[l] = Arrays.copyOfRange(shape, 1, shape.length);
            List<Integer> carried = rowBlocks.get(layers.get(l));
            noisyOutputs.add(rows(raw, carried.indexOf(l) * draws, draws));
            cleanOutputs.add(rows(raw, carried.size() * draws, 1));
            distortions.add(tf.math.mean(tf.math.squaredDifference(phi(l, noisyOutputs.get(l)),
                    phi(l, cleanOutputs.get(l))), tf.constant(allAxes(shape.length))));
        }
        Operand<TFloat32> meanUp = tf.math.mean(up, tf.constant(new int[] {1, 2, 3}));
        return new Pass(tf.stack(distortions), meanUp, noisyOutputs, cleanOutputs);
    }

    /**
     * Per layer, the Jacobian energy of phi(f_l) at the clean image for every input dimension,
     * ||J_{:,i}||^2 = E_v (J^T v)_i^2, estimated with {@code probes} Hutchinson probes v ~ N(0, I)
     * in the layer's feature space: one vector-Jacobian product of a batch of copies of the
     * image, laid out as {@link #pass}'s draws. Summed over channels, [layers, H, W].
     *
     * @param keys    per layer, the key of its probes, [layers]
     * @param counter the stream counter of this batch of probes, a scalar
     */
    Operand<TFloat32> jacobianEnergy(Graph graph, Operand<TInt64> keys, Operand<TInt64> counter, int probes) {
        int count = layers.size();
        var input = network.input();
        Operand<TFloat32> batch = tf.tile(image, tf.constant(new int[] {count * probes + 1, 1, 1, 1}));
        Map<String, Operand<TFloat32>> taps = taps(batch, probes);
        List<Operand<TFloat32>> projections = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            Operand<TFloat32> raw = taps.get(layers.get(l));
            Operand<TFloat32> y = phi(l, rows(raw, rowBlocks.get(layers.get(l)).indexOf(l) * probes, probes));
            long[] shape = y.shape().asArray();
            Operand<TFloat32> v = tf.random.statelessRandomNormal(tf.constant(shape), seed(keys, l, counter));
            projections.add(tf.reduceSum(tf.math.mul(v, y), tf.constant(allAxes(shape.length))));
        }
        Operand<?> vjp = graph.addGradients(tf.math.addN(projections).asOutput(),
                new Output<?>[] {batch.asOutput()})[0];
        @SuppressWarnings("unchecked")
        Operand<TFloat32> perDraw = tf.reshape(rows((Operand<TFloat32>) vjp, 0, count * probes), tf.constant(
                new int[] {count, probes, input.height(), input.width(), input.channels()}));
        return tf.reduceSum(tf.math.mean(tf.math.square(perDraw), tf.constant(1)), tf.constant(3));
    }

    /** The stateless seed of layer {@code l}'s noise at {@code counter}: (its key, the counter). */
    private Operand<TInt64> seed(Operand<TInt64> keys, int l, Operand<TInt64> counter) {
        Operand<TInt64> key = tf.slice(keys, tf.constant(new int[] {l}), tf.constant(new int[] {1}));
        return tf.concat(List.of(key, tf.reshape(counter, tf.constant(new int[] {1}))), tf.constant(0));
    }

    /** Every layer the analysed ones need, run on a pixel-space batch of {@link #rowBlocks}' layout. */
    private Map<String, Operand<TFloat32>> taps(Operand<TFloat32> batch, int draws) {
        Operand<TFloat32> normalised = tf.math.div(tf.math.sub(batch, mean), std);
        Map<String, Operand<TFloat32>> taps = new HashMap<>();
        for (Layer layer : network.ancestorsOf(layers)) {
            List<Operand<TFloat32>> in = new ArrayList<>();
            if (layer instanceof InputLayer) {
                in.add(normalised);
            }
            for (String name : layer.inputs()) {
                in.add(select(taps.get(name), rowBlocks.get(name), rowBlocks.get(layer.name()), draws));
            }
            taps.put(layer.name(), layer.build(weights, in));
        }
        return taps;
    }

    private Operand<TFloat32> phi(int l, Operand<TFloat32> x) {
        return identity[l] ? x : tf.nn.relu(x);
    }

    private static int[] allAxes(int rank) {
        int[] all = new int[rank];
        for (int i = 0; i < rank; i++) {
            all[i] = i;
        }
        return all;
    }

    /**
     * Per layer, the analysed layers (by index, ascending) whose draws it carries: those that
     * depend on it, or, where dropping the others would save less than
     * {@link #PRUNE_SHARE} of the rows, everything its inputs carry. A slice costs ops in
     * both passes, so shallow, cheap drops are not worth it.
     */
    private static Map<String, List<Integer>> rowBlocks(Network network, List<String> layers) {
        Map<String, List<Integer>> needed = new HashMap<>();
        for (int t = 0; t < layers.size(); t++) {
            for (Layer ancestor : network.ancestorsOf(List.of(layers.get(t)))) {
                needed.computeIfAbsent(ancestor.name(), k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, List<Integer>> carried = new HashMap<>();
        for (Layer layer : network.ancestorsOf(layers)) {
            List<Integer> common = null;
            for (String in : layer.inputs()) {
                List<Integer> from = carried.get(in);
                common = common == null ? new ArrayList<>(from)
                        : new ArrayList<>(common.stream().filter(from::contains).toList());
            }
            List<Integer> own = needed.get(layer.name());
            boolean prune = common == null || own.size() <= (1 - PRUNE_SHARE) * common.size();
            carried.put(layer.name(), prune ? own : common);
        }
        return carried;
    }

    /** Keeps, of a tensor carrying blocks {@code from} plus the clean row, the blocks {@code to}. */
    private Operand<TFloat32> select(Operand<TFloat32> x, List<Integer> from, List<Integer> to, int draws) {
        if (from.equals(to)) {
            return x;
        }
        List<int[]> ranges = new ArrayList<>();
        for (int t : to) {
            add(ranges, from.indexOf(t) * draws, draws);
        }
        add(ranges, from.size() * draws, 1);
        List<Operand<TFloat32>> parts = new ArrayList<>();
        for (int[] r : ranges) {
            parts.add(rows(x, r[0], r[1]));
        }
        return parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(0));
    }

    private static void add(List<int[]> ranges, int start, int length) {
        int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
        if (last != null && last[0] + last[1] == start) {
            last[1] += length;
        } else {
            ranges.add(new int[] {start, length});
        }
    }

    private Operand<TFloat32> rows(Operand<TFloat32> x, int start, int length) {
        int rank = x.shape().numDimensions();
        int[] begin = new int[rank];
        int[] size = new int[rank];
        Arrays.fill(size, -1);
        begin[0] = start;
        size[0] = length;
        return tf.slice(x, tf.constant(begin), tf.constant(size));
    }
}
