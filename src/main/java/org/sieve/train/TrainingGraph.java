package org.sieve.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sieve.network.GraphBuilder;
import org.sieve.network.InputLayer;
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
import org.tensorflow.types.TInt64;

/**
 * One network in one TensorFlow graph, twice: a training view (batch statistics, dropout, loss,
 * gradients, Adam) and an inference view reading the same variables. Every step is one
 * Session.run.
 */
final class TrainingGraph implements AutoCloseable {

    private final Network architecture;
    private final Graph graph = TensorFlowRuntime.get().newGraph();
    private final Session session;
    private final VariableWeights weights;
    private final Placeholder<TFloat32> images;
    private final Placeholder<TInt64> labels;
    private final Operand<TFloat32> loss;
    private final Op step;
    private final Operand<TFloat32> logits;
    private final Adam adam;

    TrainingGraph(Network architecture, long seed) {
        this.architecture = architecture;
        Ops tf = Ops.create(graph);
        InputLayer in = architecture.input();
        images = tf.placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, in.height(), in.width(), in.channels())));
        labels = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
        weights = new VariableWeights(tf, seed, true);

        Operand<TFloat32> trainLogits = output(GraphBuilder.build(architecture, weights, images));
        loss = crossEntropy(tf, trainLogits, labels);
        logits = output(GraphBuilder.build(architecture, weights.withTraining(false), images));

        List<Variable<TFloat32>> trainable = List.copyOf(weights.trainable().values());
        Output<?>[] grads = graph.addGradients(loss.asOutput(),
                trainable.stream().map(Variable::asOutput).toArray(Output<?>[]::new));
        List<Operand<TFloat32>> gradients = new ArrayList<>();
        for (Output<?> g : grads) {
            gradients.add(g.expect(TFloat32.class));
        }
        adam = new Adam(tf, trainable, gradients);
        List<Op> all = new ArrayList<>(adam.updates());
        all.addAll(weights.updates());
        step = tf.withControlDependencies(all).noOp();

        session = TensorFlowRuntime.get().openSession(graph, ComputeDevice.CPU);
        session.initialize();
    }

    /** One optimisation step on a batch; returns the batch's mean loss before the update. */
    float step(Batch batch, int t, float learningRate) {
        try (TFloat32 x = batch.imageTensor(); TInt64 y = Tensors.of(batch.labels());
                TFloat32 h = Adam.stepValues(t, learningRate);
                Result r = session.runner().feed(images, x).feed(labels, y).feed(adam.stepValues(), h)
                        .addTarget(step).fetch(loss).run()) {
            return Tensors.floats(r.get(0))[0];
        }
    }

    /** Inference logits for a batch, row-major [n, classes]. */
    float[] logits(Batch batch) {
        try (TFloat32 x = batch.imageTensor(); Result r = session.runner().feed(images, x).fetch(logits).run()) {
            return Tensors.floats(r.get(0));
        }
    }

    /** The network with its current weights, batch norm's moving statistics included. */
    Network export() {
        return new Network(architecture.layers(), weights.export(session));
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    private Operand<TFloat32> output(Map<String, Operand<TFloat32>> taps) {
        return taps.get(architecture.output().name());
    }

    /**
     * Mean softmax cross-entropy spelled out from log-softmax: TensorFlow's C++ gradient registry,
     * which graph mode relies on, has no gradient for the fused sparse op.
     */
    private static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TInt64> labels) {
        int classes = (int) logits.shape().size(1);
        Operand<TFloat32> picked = tf.reduceSum(tf.math.mul(tf.oneHot(labels, tf.constant(classes),
                tf.constant(1f), tf.constant(0f)), tf.nn.logSoftmax(logits)), tf.constant(1));
        return tf.math.neg(tf.math.mean(picked, tf.constant(0)));
    }
}
