package org.sieve.train;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.sieve.data.Dataset;
import org.sieve.metrics.DecoderInput;
import org.sieve.model.Model;
import org.sieve.network.ConstantWeights;
import org.sieve.network.GraphBuilder;
import org.sieve.network.Network;
import org.sieve.tf.ComputeDevice;
import org.sieve.tf.TensorFlowRuntime;
import org.sieve.tf.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Measures stored decoders: their mean squared reconstruction error per pixel on given images. */
public final class DecoderEvaluation {

    private static final int BATCH = 250;

    private DecoderEvaluation() {
    }

    /** Per layer, in the order given, the mean over images and dimensions of (R_l(phi(f_l(x))) - x)^2. */
    public static double[] meanSquaredErrors(Model model, List<String> layers, List<Network> decoders,
            Dataset images) {
        Network network = model.network();
        var in = network.input();
        try (Graph graph = TensorFlowRuntime.get().newGraph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, in.height(), in.width(), in.channels())));
            Operand<TFloat32> normalised = tf.math.div(
                    tf.math.sub(x, tf.constant(model.metadata().normalizationMean())),
                    tf.constant(model.metadata().normalizationStd()));
            var taps = GraphBuilder.build(network, new ConstantWeights(tf, network), normalised, layers);
            List<Operand<TFloat32>> errors = new ArrayList<>();
            for (int l = 0; l < layers.size(); l++) {
                Network decoder = decoders.get(l);
                Operand<TFloat32> feature = DecoderInput.of(tf, network, layers.get(l), taps.get(layers.get(l)));
                Operand<TFloat32> rebuilt = GraphBuilder.build(decoder, new ConstantWeights(tf, decoder), feature)
                        .get(decoder.output().name());
                errors.add(tf.reduceSum(tf.math.squaredDifference(rebuilt, x), tf.constant(new int[] {0, 1, 2, 3})));
            }
            Operand<TFloat32> stacked = tf.stack(errors);
            double[] sum = new double[layers.size()];
            try (Session session = TensorFlowRuntime.get().openSession(graph, ComputeDevice.CPU)) {
                BatchSource source = new BatchSource(images, PixelStatistics.identity(images.channels()), 0, 0);
                int[] order = IntStream.range(0, images.size()).toArray();
                for (int from = 0; from < images.size(); from += BATCH) {
                    try (TFloat32 t = source.batch(order, from, Math.min(BATCH, images.size() - from)).imageTensor();
                            Result r = session.runner().feed(x, t).fetch(stacked).run()) {
                        float[] e = Tensors.floats(r.get(0));
                        for (int l = 0; l < sum.length; l++) {
                            sum[l] += e[l];
                        }
                    }
                }
                for (int l = 0; l < sum.length; l++) {
                    sum[l] /= (double) images.size() * in.height() * in.width() * in.channels();
                }
            }
            return sum;
        }
    }
}
