package org.sieve.train;

import java.util.function.Consumer;
import org.sieve.data.Dataset;
import org.sieve.network.Network;

/**
 * Trains a network from scratch on a dataset with softmax cross-entropy and Adam, measuring
 * test accuracy after every epoch. Given the same seed on the same machine, two runs give
 * identical weights.
 */
public final class Trainer {

    private static final int EVAL_BATCH = 500;

    private Trainer() {
    }

    /**
     * @param architecture the layers to train; their weights start from seeded initial values
     * @param snapshots    receives the network after each epoch in {@code config.snapshotEpochs()}
     */
    public static TrainedNetwork train(Network architecture, Dataset train, Dataset test, TrainingConfig config,
            TrainingListener listener, Consumer<TrainedNetwork> snapshots) {
        PixelStatistics stats = PixelStatistics.of(train);
        BatchSource source = new BatchSource(train, stats, config.maxShift(), config.seed());
        long start = System.nanoTime();
        try (TrainingGraph graph = new TrainingGraph(architecture, config.seed())) {
            double[] accuracy = {Double.NaN};
            EpochLoop.run(source, train.size(), config.epochs(), config.batchSize(),
                    LearningRateSchedule.cosine(config.learningRate()), graph::step,
                    (epoch, b, batches, loss, speed) -> listener.batchDone(epoch, b, batches, (float) loss, speed),
                    (epoch, seconds) -> {
                        accuracy[0] = accuracy(graph, test, stats);
                        listener.epochDone(epoch, config.epochs(), accuracy[0], seconds);
                        if (config.snapshotEpochs().contains(epoch)) {
                            snapshots.accept(new TrainedNetwork(graph.export(), stats, accuracy[0], epoch,
                                    EpochLoop.secondsSince(start)));
                        }
                    });
            return new TrainedNetwork(graph.export(), stats, accuracy[0], config.epochs(),
                    EpochLoop.secondsSince(start));
        }
    }

    private static double accuracy(TrainingGraph graph, Dataset test, PixelStatistics stats) {
        BatchSource source = new BatchSource(test, stats, 0, 0);
        int[] order = new int[test.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int correct = 0;
        for (int from = 0; from < test.size(); from += EVAL_BATCH) {
            Batch batch = source.batch(order, from, Math.min(EVAL_BATCH, test.size() - from));
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
