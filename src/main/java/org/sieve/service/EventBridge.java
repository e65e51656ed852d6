package org.sieve.service;

import java.util.List;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.StepEvent;

/**
 * Turns the engine's callbacks into a job's events, adding the job's progress and ETA, and
 * measures how much of the engine's time the optimisation steps take (the phase that streams
 * steps), for benchmarks.
 */
final class EventBridge implements AnalysisListener {

    private final JobHandle job;
    private int maxSteps;
    private long start;
    private long phaseStart;
    private boolean phaseHasSteps;
    private long optimisationNanos;

    EventBridge(JobHandle job) {
        this.job = job;
    }

    @Override
    public void started(List<String> layers, int maxSteps) {
        this.maxSteps = maxSteps;
        start = System.nanoTime();
        layers.forEach(l -> job.emit(new JobEvent.LayerStarted(l)));
    }

    @Override
    public void phase(String description) {
        closePhase();
        phaseStart = System.nanoTime();
        job.emit(new JobEvent.Phase(description));
    }

    @Override
    public void step(StepEvent e) {
        phaseHasSteps = true;
        double done = e.step() / (double) Math.max(1, maxSteps);
        double elapsed = (System.nanoTime() - start) / 1e9;
        job.emit(new JobEvent.Step(e, done, elapsed * (1 - done) / done));
    }

    @Override
    public boolean wantsSigma() {
        return job.wantsSigma();
    }

    @Override
    public void sigma(String layer, int step, float[][] sigma) {
        job.emit(new JobEvent.Sigma(layer, step, sigma));
    }

    /** Seconds of the phase in which the optimisation steps ran; call once the engine has returned. */
    double optimisationSeconds() {
        closePhase();
        return optimisationNanos / 1e9;
    }

    private void closePhase() {
        if (phaseHasSteps) {
            optimisationNanos += System.nanoTime() - phaseStart;
            phaseHasSteps = false;
        }
    }
}
