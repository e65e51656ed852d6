package org.sieve.service;

import java.util.EnumMap;
import java.util.Map;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.tf.ComputeDevice;

/**
 * Runs analyses in the background: one queue and one worker thread per device (the GPU's only
 * once a request asks for it), interactive jobs before queued batch jobs, results answered from
 * the cache where possible. Submitting, subscribing and cancelling are safe from any thread.
 * Close it to cancel what is left and free the native memory.
 */
public final class AnalysisService implements AutoCloseable {

    private final JobRunner runner;
    private final Map<ComputeDevice, Worker> workers = new EnumMap<>(ComputeDevice.class);
    private boolean closed;

    /** Without a cache: every layer is computed. */
    public AnalysisService() {
        this(null);
    }

    /** @param cache where layer results are looked up and stored; null for none */
    public AnalysisService(ResultCache cache) {
        this.runner = new JobRunner(cache);
    }

    public JobHandle submit(AnalysisRequest request, Priority priority) {
        return submit(request, priority, null);
    }

    /** @param listener receives every event of the job from the first; may be null */
    public JobHandle submit(AnalysisRequest request, Priority priority, JobListener listener) {
        JobHandle job = new JobHandle(request, priority);
        if (listener != null) {
            job.subscribe(listener);
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the analysis service is closed");
            }
            workers.computeIfAbsent(request.settings().device(), d -> new Worker(d, runner)).enqueue(job);
        }
        return job;
    }

    /** Cancels queued and running jobs and waits until every worker has stopped and freed its graphs. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            for (Worker w : workers.values()) {
                w.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
