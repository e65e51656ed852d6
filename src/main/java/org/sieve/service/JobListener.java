package org.sieve.service;

import java.util.function.Consumer;
import org.sieve.metrics.AnalysisListener;

/** Receives a job's events on the job's worker thread, in order; keep it quick (hand work to your own thread). */
@FunctionalInterface
public interface JobListener {

    void onEvent(JobEvent event);

    /** Whether to receive {@link JobEvent.Sigma} snapshots (each costs a copy of the grids). */
    default boolean wantsSigma() {
        return false;
    }

    /** A listener that also receives sigma snapshots, e.g. for a live heatmap. */
    static JobListener withSigma(Consumer<JobEvent> consumer) {
        return new JobListener() {
            @Override
            public void onEvent(JobEvent event) {
                consumer.accept(event);
            }

            @Override
            public boolean wantsSigma() {
                return true;
            }
        };
    }

    /** Replays the events as engine callbacks, so progress displays written for the engine work unchanged. */
    static JobListener forwardingTo(AnalysisListener listener) {
        return new JobListener() {
            @Override
            public void onEvent(JobEvent event) {
                if (event instanceof JobEvent.Started s) {
                    listener.started(s.layers().stream().filter(l -> !s.cachedLayers().contains(l)).toList(),
                            s.maxSteps());
                } else if (event instanceof JobEvent.Phase p) {
                    listener.phase(p.description());
                } else if (event instanceof JobEvent.Step s) {
                    listener.step(s.step());
                } else if (event instanceof JobEvent.Sigma s) {
                    listener.sigma(s.layer(), s.step(), s.sigma());
                } else if (event instanceof JobEvent.LayerFinished f) {
                    listener.layerFinished(f.layer());
                }
            }

            @Override
            public boolean wantsSigma() {
                return listener.wantsSigma();
            }
        };
    }
}
