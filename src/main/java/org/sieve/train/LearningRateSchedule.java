package org.sieve.train;

/** Adam's step size at step t (1-based) of {@code total}: how a training run decays it. */
@FunctionalInterface
public interface LearningRateSchedule {

    float at(int t, int total);

    /** Cosine decay from {@code peak} to zero over all steps (the bundled models). */
    static LearningRateSchedule cosine(float peak) {
        return (t, total) -> (float) (peak * 0.5 * (1 + Math.cos(Math.PI * (t - 1) / total)));
    }

    /** Linear decay from {@code start} to a tenth of it at the last step (the decoders of metric 2). */
    static LearningRateSchedule linearToTenth(float start) {
        return (t, total) -> start * (1 - 0.9f * (t - 1) / (float) Math.max(1, total - 1));
    }
}
