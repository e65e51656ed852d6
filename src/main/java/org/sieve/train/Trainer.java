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
        int batches = (train.size() + config.batchSize() - 1) / config.batchSize();
        int totalSteps = config.epochs() * batches;
        long start = System.nanoTime();
        try (TrainingGraph graph = new TrainingGraph(architecture, config.seed())) {
            double accuracy = Double.NaN;
            int t = 0;
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                int[] order = source.shuffledOrder();
                for (int b = 0; b < batches; b++) {
                    long stepStart = System.nanoTime();
                    int from = b * config.batchSize();
                    Batch batch = source.batch(order, from, Math.min(config.batchSize(), train.size() - from));
                    t++;
                    float loss = graph.step(batch, t, config.learningRateAt(t, totalSteps));
                    listener.batchDone(epoch, b + 1, batches, loss, batch.size() / secondsSince(stepStart));
                }
                accuracy = accuracy(graph, test, stats);
                listener.epochDone(epoch, config.epochs(), accuracy, secondsSince(epochStart));
                if (config.snapshotEpochs().contains(epoch)) {
                    snapshots.accept(new TrainedNetwork(graph.export(), stats, accuracy, epoch, secondsSince(start)));
                }
            }
            return new TrainedNetwork(graph.export(), stats, accuracy, config.epochs(), secondsSince(start));
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

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
