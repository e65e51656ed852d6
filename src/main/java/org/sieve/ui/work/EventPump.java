package org.sieve.ui.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.StepEvent;
import org.sieve.report.LayerWarnings;
import org.sieve.service.JobEvent;
import org.sieve.service.JobListener;
import org.sieve.ui.model.LayerProgress;
import org.sieve.ui.model.LiveSigma;
import org.sieve.ui.model.RunState;
import org.sieve.ui.model.UserMessage;

/**
 * Carries a job's events from the worker thread to a panel's run state. Events queue up and one
 * pending hand-over to the FX thread applies all of them, so hundreds of steps a second cost the
 * window one update per frame at most.
 */
final class EventPump implements JobListener {

    private final RunState run;
    private final Consumer<UserMessage> tell;
    private final ConcurrentLinkedQueue<JobEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** When the job left the queue, so a panel's time is its own run, not its wait behind another panel. */
    private final AtomicLong startedNanos = new AtomicLong();

    EventPump(RunState run, Consumer<UserMessage> tell) {
        this.run = run;
        this.tell = tell;
    }

    @Override
    public boolean wantsSigma() {
        return true;
    }

    @Override
    public void onEvent(JobEvent event) {
        if (event instanceof JobEvent.Started) {
            startedNanos.compareAndSet(0, System.nanoTime());
        }
        queue.add(event);
        if (!scheduled.getAndSet(true)) {
            Platform.runLater(this::drain);
        }
    }

    /** Seconds since the job started running, or 0 if it never left the queue. */
    double runningSeconds() {
        long started = startedNanos.get();
        return started == 0 ? 0 : (System.nanoTime() - started) / 1e9;
    }

    /** Applies every queued event; FX thread only. */
    void drain() {
        scheduled.set(false);
        List<StepEvent> steps = new ArrayList<>();
        java.util.Map<String, LiveSigma> sigma = new java.util.HashMap<>();
        for (JobEvent e = queue.poll(); e != null; e = queue.poll()) {
            if (e instanceof JobEvent.Step s) {
                steps.add(s.step());
                step(s);
            } else if (e instanceof JobEvent.Sigma s && s.step() == AnalysisListener.APPROXIMATE_STEP) {
                // Shown even when the first refined map arrives in the same batch.
                run.sigma().put(s.layer(), new LiveSigma(s.layer(), s.step(), s.sigma()));
            } else if (e instanceof JobEvent.Sigma s) {
                sigma.put(s.layer(), new LiveSigma(s.layer(), s.step(), s.sigma()));
            } else {
                apply(e);
            }
        }
        if (!steps.isEmpty()) {
            run.trace().addAll(steps);
        }
        run.sigma().putAll(sigma);
    }

    private void step(JobEvent.Step s) {
        StepEvent e = s.step();
        LayerProgress l = run.layer(e.layer());
        if (l != null) {
            l.progress().set(e.step() / (double) Math.max(1, e.maxSteps()));
            l.entropy().set(e.entropyPerDim());
            l.distortionRatio().set(e.distortionRatio());
        }
        // Counted towards the expected steps: past them the run is finishing, and the time left unknown.
        int expected = run.expectedSteps();
        double elapsed = runningSeconds();
        run.progress().set(Math.min(1, e.step() / (double) expected));
        run.etaSeconds().set(e.step() < expected && e.step() > 0 && elapsed > 0
                ? elapsed / e.step() * (expected - e.step()) : Double.NaN);
    }

    private void apply(JobEvent e) {
        if (e instanceof JobEvent.Started s) {
            run.status().set(RunState.Status.RUNNING);
            run.phase().set(s.cachedLayers().size() == s.layers().size() ? "All layers from the result cache"
                    : "Starting TensorFlow ...");
            for (String cached : s.cachedLayers()) {
                LayerProgress l = run.layer(cached);
                if (l != null) {
                    l.state().set("from cache");
                    l.progress().set(1);
                }
            }
        } else if (e instanceof JobEvent.LayerStarted s) {
            LayerProgress l = run.layer(s.layer());
            if (l != null) {
                l.state().set("optimising");
            }
        } else if (e instanceof JobEvent.Phase p) {
            run.phase().set(p.description());
        } else if (e instanceof JobEvent.LayerFinished f) {
            LayerProgress l = run.layer(f.layer().name());
            if (l != null) {
                l.progress().set(1);
                l.state().set(f.layer().ok() ? (f.cached() ? "from cache" : "done") : "failed");
                l.warnings().set(LayerWarnings.of(f.layer()));
                if (f.layer().ok()) {
                    l.entropy().set(f.layer().entropyPerDim());
                    l.distortionRatio().set(f.layer().distortionRatio());
                }
            }
        } else if (e instanceof JobEvent.Warning w) {
            tell.accept(UserMessage.warning("Analysis", w.message()));
        }
    }
}
