package org.sieve.metrics;

import org.sieve.network.Network;
import org.sieve.network.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a layer's decoder reads (METHOD.md section 3): phi(f_l(x)) with the reference feature map
 * (ReLU for hidden layers, identity at the output), feature vectors as 1x1 maps so that every
 * decoder starts from an image-shaped input. Decoder training and metric 2 both build it here.
 */
public final class DecoderInput {

    /** Decoders are trained on, and fed, this feature map whatever the analysis' own phi. */
    public static final Phi PHI = Phi.AUTO;

    private DecoderInput() {
    }

    public static Operand<TFloat32> of(Ops tf, Network network, String layer, Operand<TFloat32> output) {
        Operand<TFloat32> f = PHI.identityAt(network, network.layer(layer)) ? output : tf.nn.relu(output);
        long[] shape = Shapes.perExample(f);
        return shape.length == 1 ? tf.reshape(f, tf.constant(new long[] {-1, 1, 1, shape[0]})) : f;
    }

    /** The layer's output shape without the batch axis, as the decoder architecture takes it. */
    public static long[] featureShape(Operand<TFloat32> output) {
        return Shapes.perExample(output);
    }
}
