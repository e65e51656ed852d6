package org.sieve.service;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.metrics.AnalysisCancelledException;
import org.tensorflow.exceptions.TFResourceExhaustedException;

/**
 * A submitted analysis: subscribe to its events, cancel it, or wait for its result. Every method
 * may be called from any thread.
 */
public final class JobHandle {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final AnalysisRequest request;
    private final Priority priority;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<JobResult> future = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile Runnable dequeue = () -> { };

    JobHandle(AnalysisRequest request, Priority priority) {
        this.request = request;
        this.priority = priority;
    }

    /** Increasing in submission order. */
    public long id() {
        return id;
    }

    public AnalysisRequest request() {
        return request;
    }

    public Priority priority() {
        return priority;
    }

    /** Events from now on; to miss none, pass the listener to {@link AnalysisService#submit}. */
    public void subscribe(JobListener listener) {
        listeners.add(listener);
    }

    /**
     * Stops the job: a queued job never runs; a running one stops within one optimisation step,
     * having freed the tensors of its steps (the model's graphs stay for the next job until the
     * service closes). The result then completes with a {@link CancellationException}. No effect
     * once finished.
     */
    public void cancel() {
        cancelled = true;
        dequeue.run();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Completes, on the worker thread, with the result or the failure: a {@link SieveException}
     * with a message for the user, or a {@link CancellationException}. Completing or cancelling
     * the returned future does not affect the job (use {@link #cancel()}).
     */
    public CompletableFuture<JobResult> result() {
        return future.copy();
    }

    /** Waits for the result; throws the job's failure itself, not wrapped. */
    public JobResult await() {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    void onDequeue(Runnable action) {
        dequeue = action;
    }

    boolean wantsSigma() {
        return listeners.stream().anyMatch(JobListener::wantsSigma);
    }

    void emit(JobEvent event) {
        boolean sigma = event instanceof JobEvent.Sigma;
        for (JobListener l : listeners) {
            if (!sigma || l.wantsSigma()) {
                l.onEvent(event);
            }
        }
    }

    void finish(JobResult result) {
        future.complete(result);
    }

    void finishCancelled() {
        future.cancel(false);
    }

    /** Any failure ends as a user-facing message; programming errors keep their cause for the log. */
    void fail(Throwable t) {
        if (t instanceof AnalysisCancelledException) {
            finishCancelled();
        } else if (t instanceof SieveException s) {
            future.completeExceptionally(s);
        } else if (t instanceof OutOfMemoryError || t instanceof TFResourceExhaustedException) {
            // Java's heap or TensorFlow's native buffers: either way this job alone stops.
            future.completeExceptionally(new SieveException("Analysing " + request.image().source() + ": "
                    + SieveException.OUT_OF_MEMORY, SieveException.COMPUTE_FAILED, t));
        } else {
            future.completeExceptionally(SieveException.internal("The analysis of " + request.image().source(), t));
        }
    }
}
