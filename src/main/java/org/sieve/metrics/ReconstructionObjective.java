package org.sieve.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sieve.network.ConstantWeights;
import org.sieve.network.GraphBuilder;
import org.sieve.network.Network;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Metric 2, reconstruction uncertainty (METHOD.md section 3): each layer's decoder rebuilds the
 * image from the layer's features of the noisy draws, and sigma maximises
 * U = mean log(2 pi e (R_l(phi(f_l(x~))) - x)^2 + 1e-6) on the constraint. The step descends the
 * part of -grad U tangent to the constraint's level set; lambda is the multiplier of
 * D/D0 - lambda * U. The map reported is r = U / 2 per pixel on fresh noise, averaged per cell.
 */
final class ReconstructionObjective implements Objective {

    /** Keeps the log finite where a reconstruction is exact. */
    static final float FLOOR = 1e-6f;
    private static final float TWO_PI_E = (float) (2 * Math.PI * Math.E);

    private final Ops tf;
    private final Network network;
    private final List<String> layers;
    private final List<Network> decoders;
    private final List<ConstantWeights> weights = new ArrayList<>();
    private final Operand<TFloat32> image;
    private Terms measured;

    /**
     * Per layer: U (mean log term over draws and dimensions), the per-pixel map r (half the log
     * term, averaged over draws and channels) and the clean image's reconstruction.
     */
    private record Terms(Operand<TFloat32> objective, Operand<TFloat32> pixelMap, Operand<TFloat32> clean) {
    }

    /**
     * @param decoders each layer's decoder, in the order of {@code layers}
     * @param image    the clean image, [1, H, W, C], pixel space
     */
    ReconstructionObjective(Ops tf, Network network, List<String> layers, List<Network> decoders,
            Operand<TFloat32> image) {
        this.tf = tf;
        this.network = network;
        this.layers = layers;
        this.decoders = decoders;
        this.image = image;
        for (Network d : decoders) {
            weights.add(new ConstantWeights(tf, d));
        }
    }

    @Override
    public Metric metric() {
        return Metric.RECONSTRUCTION_UNCERTAINTY;
    }

    @Override
    public Step step(StepInputs in) {
        Operand<TInt32> cellAxes = tf.constant(new int[] {1, 2});
        Operand<TFloat32> g = in.ratioGradient();
        Operand<TFloat32> u = terms(in.pass()).objective();
        Operand<TFloat32> activeU = tf.reduceSum(tf.select(in.active(), u, tf.zerosLike(u)), tf.constant(0));
        @SuppressWarnings("unchecked")
        Operand<TFloat32> gradU = (Operand<TFloat32>) in.graph().addGradients(activeU.asOutput(),
                new Output<?>[] {in.logSigma().asOutput()})[0];
        Operand<TFloat32> tangentDescent = tf.math.sub(tf.math.mul(Objective.along(tf, gradU, g), g), gradU);
        Operand<TFloat32> lambda = tf.math.divNoNan(tf.reduceSum(tf.math.square(g), cellAxes),
                tf.reduceSum(tf.math.mul(gradU, g), cellAxes));
        Operand<TFloat32> loss = tf.math.sub(in.ratio(), tf.math.mul(lambda, u));
        return new Step(tf.math.mul(tf.constant(0.5f), u), lambda, loss, tangentDescent, true);
    }

    @Override
    public void measureOn(Ops tf, NoisyForward.Pass pass) {
        measured = terms(pass);
    }

    @Override
    public List<LayerMaps> report(SigmaGraph graph, float[][] logSigma, long[] keys, int runs) {
        int pixels = graph.height * graph.width;
        // The clean reconstruction does not depend on the noise: its average is itself.
        List<double[]> measuredMaps = graph.averaged(List.of(measured.pixelMap(), measured.clean()), logSigma, keys,
                NoiseStream.UNCERTAINTY, 0, runs);
        float[] r = floats(measuredMaps.get(0));
        float[] clean = floats(measuredMaps.get(1));
        List<LayerMaps> maps = new ArrayList<>();
        for (int l = 0; l < logSigma.length; l++) {
            float[] layerMap = Arrays.copyOfRange(r, l * pixels, (l + 1) * pixels);
            int size = pixels * graph.channels;
            maps.add(new LayerMaps(graph.grid().cellMeans(layerMap), mean(layerMap),
                    Arrays.copyOfRange(clean, l * size, (l + 1) * size)));
        }
        return maps;
    }

    private Terms terms(NoisyForward.Pass pass) {
        List<Operand<TFloat32>> objective = new ArrayList<>();
        List<Operand<TFloat32>> maps = new ArrayList<>();
        List<Operand<TFloat32>> clean = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            Operand<TFloat32> rebuilt = decode(l, pass.noisyOutputs().get(l));
            Operand<TFloat32> log = tf.math.log(tf.math.add(tf.math.mul(tf.constant(TWO_PI_E),
                    tf.math.squaredDifference(rebuilt, image)), tf.constant(FLOOR)));
            objective.add(tf.math.mean(log, tf.constant(new int[] {0, 1, 2, 3})));
            maps.add(tf.math.mul(tf.constant(0.5f), tf.math.mean(log, tf.constant(new int[] {0, 3}))));
            long[] hwc = Arrays.copyOfRange(image.shape().asArray(), 1, 4);
            clean.add(tf.reshape(decode(l, pass.cleanOutputs().get(l)), tf.constant(hwc)));
        }
        return new Terms(tf.stack(objective), tf.stack(maps), tf.stack(clean));
    }

    private Operand<TFloat32> decode(int l, Operand<TFloat32> output) {
        Network decoder = decoders.get(l);
        Operand<TFloat32> feature = DecoderInput.of(tf, network, layers.get(l), output);
        return GraphBuilder.build(decoder, weights.get(l), feature).get(decoder.output().name());
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
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
}
