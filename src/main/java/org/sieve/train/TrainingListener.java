package org.sieve.train;

/** Progress of a training run, called on the training thread. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    /** After each optimisation step: the batch's loss and this step's speed in images per second. */
    default void batchDone(int epoch, int batch, int batchesPerEpoch, float loss, double imagesPerSecond) {
    }

    /** After each epoch: accuracy on the held-out test set (a fraction) and the epoch's wall time. */
    default void epochDone(int epoch, int epochs, double testAccuracy, double seconds) {
    }
}
