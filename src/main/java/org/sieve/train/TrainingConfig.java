package org.sieve.train;

import java.util.Set;

/**
 * How to train: Adam at {@code learningRate} with cosine decay to zero over all steps,
 * mini-batches of {@code batchSize}, images shifted by up to {@code maxShift} pixels, and
 * snapshots of the network after the epochs in {@code snapshotEpochs}.
 */
public record TrainingConfig(int epochs, int batchSize, float learningRate, long seed, int maxShift,
        Set<Integer> snapshotEpochs) {

    public TrainingConfig {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || maxShift < 0) {
            throw new IllegalArgumentException("epochs and batch size must be positive, learning rate positive,"
                    + " shift non-negative: " + epochs + ", " + batchSize + ", " + learningRate + ", " + maxShift);
        }
        snapshotEpochs = Set.copyOf(snapshotEpochs);
    }
}
