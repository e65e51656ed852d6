package org.sieve.service;

/** Progress of a batch, called on the thread that runs it. */
public interface BatchListener {

    BatchListener NONE = new BatchListener() { };

    /** An image or file that is skipped, a damaged earlier result, a cache that cannot be written. */
    default void warning(String message) {
    }

    /** Some images were finished by an earlier run with the same arguments and are not recomputed. */
    default void resuming(int finished, int total) {
    }

    /**
     * @param done       images with a result so far, including resumed ones
     * @param etaSeconds estimated seconds left at this run's pace
     */
    default void imageFinished(String image, int done, int total, double seconds, double etaSeconds) {
    }
}
