package org.sieve.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sieve.model.ModelMetadata;
import org.sieve.network.ConstantWeights;
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
 * Session.run, plus the attack's for adversarial training. A technique changes the step: the
 * loss reads a teacher's soft targets (distillation), the batch is replaced by its PGD attack on
 * the inference view (adversarial training), or pruned weights are zeroed after each update.
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
    private final PgdAttack attack;
    private final MagnitudePruning pruning;
    private final SplittableRandom attackStarts;

    TrainingGraph(Network architecture, long seed) {
        this(architecture, seed, Technique.NONE, null);
    }

    /**
     * @param architecture the network; when it carries weights, training starts from them
     * @param stats        the input normalisation of the batches (the attack's pixel bounds, the teacher's input)
     */
    TrainingGraph(Network architecture, long seed, Technique technique, PixelStatistics stats) {
        this.architecture = architecture;
        Ops tf = Ops.create(graph);
        InputLayer in = architecture.input();
        images = tf.placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, in.height(), in.width(), in.channels())));
        labels = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
        weights = new VariableWeights(tf, seed, true, architecture.weights());

        Operand<TFloat32> trainLogits = output(GraphBuilder.build(architecture, weights, images));
        loss = technique instanceof Technique.Distillation d
                ? Losses.distillation(tf, trainLogits, teacherLogits(tf, images, d, stats), labels, d.temperature(), d.alpha())
                : Losses.crossEntropy(tf, trainLogits, labels);
        logits = output(GraphBuilder.build(architecture, weights.withTraining(false), images));
        attack = technique instanceof Technique.Adversarial a
                ? new PgdAttack(tf, graph, images, logits, labels, stats, a.epsilon(), a.steps()) : null;
        attackStarts = new SplittableRandom(seed);

        List<Variable<TFloat32>> trainable = List.copyOf(weights.trainable().values());
        Output<?>[] grads = graph.addGradients(loss.asOutput(),
                trainable.stream().map(Variable::asOutput).toArray(Output<?>[]::new));
        List<Operand<TFloat32>> gradients = new ArrayList<>();
        for (Output<?> g : grads) {
            gradients.add(g.expect(TFloat32.class));
        }
        adam = new Adam(tf, trainable, gradients);
        pruning = technique instanceof Technique.Pruning ? new MagnitudePruning(tf, weights.trainable()) : null;
        List<Op> all = new ArrayList<>(pruning == null ? adam.updates() : pruning.reapplyAfter(tf, adam.updates()));
        all.addAll(weights.updates());
        step = tf.withControlDependencies(all).noOp();

        session = TensorFlowRuntime.get().openSession(graph, ComputeDevice.CPU);
        session.initialize();
    }

    /**
     * One optimisation step on a batch (on its PGD attack when training adversarially); returns
     * the mean loss before the update of what was trained on.
     */
    float step(Batch clean, int t, float learningRate) {
        Batch batch = attack == null ? clean : attacked(clean);
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

    /** The batch's PGD attack on the current weights; only for a graph built for adversarial training. */
    Batch attacked(Batch clean) {
        return attack.perturb(session, clean, attackStarts);
    }

    /** Prunes the smallest kernel weights to {@code sparsity}; only for a graph built for pruning. */
    void prune(double sparsity) {
        pruning.prune(session, sparsity);
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
     * The teacher's logits on the same images, as constants: the batch's normalisation undone and
     * the teacher's own applied, so a teacher trained with other statistics sees what it expects.
     */
    private static Operand<TFloat32> teacherLogits(Ops tf, Operand<TFloat32> images, Technique.Distillation d,
            PixelStatistics stats) {
        Network teacher = d.teacher().network();
        ModelMetadata m = d.teacher().metadata();
        float[] scale = new float[stats.mean().length];
        float[] offset = new float[scale.length];
        for (int c = 0; c < scale.length; c++) {
            scale[c] = stats.std()[c] / m.normalizationStd()[c];
            offset[c] = (stats.mean()[c] - m.normalizationMean()[c]) / m.normalizationStd()[c];
        }
        Operand<TFloat32> input = tf.math.add(tf.math.mul(images, tf.constant(scale)), tf.constant(offset));
        return GraphBuilder.build(teacher, new ConstantWeights(tf, teacher), input).get(teacher.output().name());
    }
}
