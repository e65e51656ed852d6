package org.sieve.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The decoders of several layers of one model in one TensorFlow graph: the model's features
 * (fixed weights) computed once per batch feed every layer's decoder, and one Session.run steps
 * all decoders with Adam on their summed mean squared errors. The decoders are independent, so
 * the sum's gradient is each decoder's own.
 */
final class DecoderTrainingGraph implements AutoCloseable {

    private final Graph graph = TensorFlowRuntime.get().newGraph();
    private final Session session;
    private final List<String> layers;
    private final List<Network> architectures = new ArrayList<>();
    private final List<VariableWeights> weights = new ArrayList<>();
    private final Placeholder<TFloat32> images;
    private final Operand<TFloat32> losses;
    private final Adam adam;
    private final Op step;

    DecoderTrainingGraph(Model model, List<String> layers, long seed) {
        Network network = model.network();
        var in = network.input();
        int height = in.height();
        int width = in.width();
        int channels = in.channels();
        this.layers = List.copyOf(layers);
        Ops tf = Ops.create(graph);
        images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, channels)));
        Operand<TFloat32> normalised = tf.math.div(
                tf.math.sub(images, tf.constant(model.metadata().normalizationMean())),
                tf.constant(model.metadata().normalizationStd()));
        Map<String, Operand<TFloat32>> taps = GraphBuilder.build(network, new ConstantWeights(tf, network),
                normalised, layers);
        List<Operand<TFloat32>> trainLosses = new ArrayList<>();
        List<Variable<TFloat32>> trainable = new ArrayList<>();
        List<Op> updates = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            Operand<TFloat32> feature = DecoderInput.of(tf, network, layers.get(l), taps.get(layers.get(l)));
            Network arch = DecoderArchitecture.build(DecoderInput.featureShape(taps.get(layers.get(l))), height,
                    width, channels);
            VariableWeights w = new VariableWeights(tf, seed + l, true);
            Operand<TFloat32> train = GraphBuilder.build(arch, w, feature).get(arch.output().name());
            trainLosses.add(tf.math.mean(tf.math.squaredDifference(train, images), tf.constant(new int[] {0, 1, 2, 3})));
            trainable.addAll(w.trainable().values());
            updates.addAll(w.updates());
            architectures.add(arch);
            weights.add(w);
        }
        losses = tf.stack(trainLosses);
        Output<?>[] grads = graph.addGradients(tf.reduceSum(losses, tf.constant(0)).asOutput(),
                trainable.stream().map(Variable::asOutput).toArray(Output<?>[]::new));
        List<Operand<TFloat32>> gradients = new ArrayList<>();
        for (Output<?> g : grads) {
            gradients.add(g.expect(TFloat32.class));
        }
        adam = new Adam(tf, trainable, gradients);
        List<Op> all = new ArrayList<>(adam.updates());
        all.addAll(updates);
        step = tf.withControlDependencies(all).noOp();
        session = TensorFlowRuntime.get().openSession(graph, ComputeDevice.CPU);
        session.initialize();
    }

    /** One Adam step of every decoder on a batch in pixel space; returns each layer's batch MSE before it. */
    float[] step(Batch batch, int t, float learningRate) {
        try (TFloat32 x = batch.imageTensor();
                TFloat32 h = Adam.stepValues(t, learningRate);
                Result r = session.runner().feed(images, x).feed(adam.stepValues(), h).addTarget(step)
                        .fetch(losses).run()) {
            return Tensors.floats(r.get(0));
        }
    }

    /** Every decoder with its current weights, by layer. */
    Map<String, Network> export() {
        Map<String, Network> out = new LinkedHashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            out.put(layers.get(l), new Network(architectures.get(l).layers(), weights.get(l).export(session)));
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
