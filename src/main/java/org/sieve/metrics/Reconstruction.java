package org.sieve.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sieve.network.ConstantWeights;
import org.sieve.network.GraphBuilder;
import org.sieve.network.Network;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Metric 2's terms in the graph (METHOD.md section 3): each layer's decoder rebuilds the image
 * from the layer's features of the noisy draws and of the clean image, and the per-dimension
 * uncertainty log(2 pi e (R_l(phi(f_l(x~))) - x)^2 + 1e-6) is taken against the clean image.
 */
final class Reconstruction {

    /** Keeps the log finite where a reconstruction is exact. */
    static final float FLOOR = 1e-6f;
    private static final float TWO_PI_E = (float) (2 * Math.PI * Math.E);

    private final Ops tf;
    private final Network network;
    private final List<String> layers;
    private final List<Network> decoders;
    private final List<ConstantWeights> weights = new ArrayList<>();
    private final Operand<TFloat32> image;

    /**
     * @param terms per layer: the objective (mean log term over draws and dimensions), the per-pixel
     *              map r (half the log term, averaged over draws and channels) and the clean
     *              image's reconstruction
     */
    record Terms(Operand<TFloat32> objective, Operand<TFloat32> pixelMap, Operand<TFloat32> clean) {
    }

    /** @param image the clean image, [1, H, W, C], pixel space */
    Reconstruction(Ops tf, Network network, List<String> layers, List<Network> decoders, Operand<TFloat32> image) {
        this.tf = tf;
        this.network = network;
        this.layers = layers;
        this.decoders = decoders;
        this.image = image;
        for (Network d : decoders) {
            weights.add(new ConstantWeights(tf, d));
        }
    }

    Terms of(NoisyForward.Pass pass) {
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
}
