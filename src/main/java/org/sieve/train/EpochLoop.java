package org.sieve.train;

/**
 * The one training loop: epochs of shuffled mini-batches, Adam's step size from a schedule,
 * progress after every batch and a hook after every epoch. What a step trains (a classifier,
 * the decoders of metric 2) is the caller's.
 */
final class EpochLoop {

    /** One optimisation step on a batch at step {@code t}; returns the batch's loss. */
    @FunctionalInterface
    interface Step {
        double run(Batch batch, int t, float learningRate);
    }

    /** After each step: the batch's loss and the step's speed in images per second. */
    @FunctionalInterface
    interface BatchProgress {
        void batchDone(int epoch, int batch, int batches, double loss, double imagesPerSecond);
    }

    /** After each epoch, with its wall time; false stops the training there. */
    @FunctionalInterface
    interface EpochEnd {
        boolean epochDone(int epoch, double seconds);
    }

    private EpochLoop() {
    }

    static void run(BatchSource source, int examples, int epochs, int batchSize, LearningRateSchedule schedule,
            Step step, BatchProgress progress, EpochEnd epochEnd) {
        int batches = (examples + batchSize - 1) / batchSize;
        int total = epochs * batches;
        int t = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long epochStart = System.nanoTime();
            int[] order = source.shuffledOrder();
            for (int b = 0; b < batches; b++) {
                long stepStart = System.nanoTime();
                int from = b * batchSize;
                Batch batch = source.batch(order, from, Math.min(batchSize, examples - from));
                t++;
                double loss = step.run(batch, t, schedule.at(t, total));
                progress.batchDone(epoch, b + 1, batches, loss, batch.size() / secondsSince(stepStart));
            }
            if (!epochEnd.epochDone(epoch, secondsSince(epochStart))) {
                return;
            }
        }
    }

    static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
