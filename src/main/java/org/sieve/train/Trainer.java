package org.sieve.train;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.sieve.data.Dataset;
import org.sieve.network.Network;

/**
 * Trains a network on a dataset with softmax cross-entropy and Adam, measuring test accuracy
 * after every epoch; a {@link Technique} changes the training (distillation, PGD attacks, pruning).
 * Given the same seed on the same machine, two runs give identical weights.
 */
public final class Trainer {

    private static final int EVAL_BATCH = 500;

    private Trainer() {
    }

    /** Plain training from seeded initial values. */
    public static TrainedNetwork train(Network architecture, Dataset train, Dataset test, TrainingConfig config,
            TrainingListener listener, Consumer<TrainedNetwork> snapshots) {
        return train(architecture, PixelStatistics.of(train), train, test, config, Technique.NONE, listener, snapshots);
    }

    /**
     * @param architecture the layers to train; their weights start from the network's own when it has
     *                     them (fine-tuning, as pruning does), else from seeded initial values
     * @param stats        the input normalisation
     * @param snapshots    receives the network after each epoch in {@code config.snapshotEpochs()}
     */
    public static TrainedNetwork train(Network architecture, PixelStatistics stats, Dataset train, Dataset test,
            TrainingConfig config, Technique technique, TrainingListener listener, Consumer<TrainedNetwork> snapshots) {
        BatchSource source = new BatchSource(train, stats, config.maxShift(), config.seed());
        long start = System.nanoTime();
        try (TrainingGraph graph = new TrainingGraph(architecture, config.seed(), technique, stats)) {
            double[] accuracy = {Double.NaN};
            EpochLoop.run(source, train.size(), config.epochs(), config.batchSize(),
                    LearningRateSchedule.cosine(config.learningRate()), step(graph, technique, train.size(), config),
                    (epoch, b, batches, loss, speed) -> listener.batchDone(epoch, b, batches, (float) loss, speed),
                    (epoch, seconds) -> {
                        accuracy[0] = accuracy(graph, test, stats);
                        listener.epochDone(epoch, config.epochs(), accuracy[0], seconds);
                        if (config.snapshotEpochs().contains(epoch)) {
                            snapshots.accept(new TrainedNetwork(graph.export(), stats, accuracy[0], epoch,
                                    EpochLoop.secondsSince(start)));
                        }
                        return true;
                    });
            return new TrainedNetwork(graph.export(), stats, accuracy[0], config.epochs(),
                    EpochLoop.secondsSince(start));
        }
    }

    /**
     * The fraction of {@code test} that {@code network} classifies correctly under a PGD attack of
     * {@code attack}'s epsilon and steps (random starts drawn from {@code seed}).
     */
    public static double pgdAccuracy(Network network, PixelStatistics stats, Dataset test, Technique.Adversarial attack,
            long seed) {
        try (TrainingGraph graph = new TrainingGraph(network, seed, attack, stats)) {
            return accuracy(graph, test, stats, graph::attacked);
        }
    }

    /** The training step, with pruning to the schedule's sparsity before the steps that prune. */
    private static EpochLoop.Step step(TrainingGraph graph, Technique technique, int examples, TrainingConfig config) {
        if (!(technique instanceof Technique.Pruning p)) {
            return graph::step;
        }
        int total = config.epochs() * ((examples + config.batchSize() - 1) / config.batchSize());
        return (batch, t, learningRate) -> {
            if (MagnitudePruning.due(t, total)) {
                graph.prune(MagnitudePruning.sparsityAt(t, total, p.fraction()));
            }
            return graph.step(batch, t, learningRate);
        };
    }

    private static double accuracy(TrainingGraph graph, Dataset test, PixelStatistics stats) {
        return accuracy(graph, test, stats, UnaryOperator.identity());
    }

    /** Test accuracy on the images {@code input} makes of each test batch (an attack, or the batch itself). */
    private static double accuracy(TrainingGraph graph, Dataset test, PixelStatistics stats,
            UnaryOperator<Batch> input) {
        BatchSource source = new BatchSource(test, stats, 0, 0);
        int[] order = new int[test.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int correct = 0;
        for (int from = 0; from < test.size(); from += EVAL_BATCH) {
            Batch batch = input.apply(source.batch(order, from, Math.min(EVAL_BATCH, test.size() - from)));
            float[] logits = graph.logits(batch);
            int classes = logits.length / batch.size();
            for (int i = 0; i < batch.size(); i++) {
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (logits[i * classes + k] > logits[i * classes + best]) {
                        best = k;
                    }
                }
                correct += best == batch.labels()[i] ? 1 : 0;
            }
        }
        return (double) correct / test.size();
    }
}
