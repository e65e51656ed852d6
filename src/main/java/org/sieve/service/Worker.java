package org.sieve.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.sieve.SieveException;
import org.sieve.analysis.Analyzer;
import org.sieve.tf.ComputeDevice;
import org.sieve.tf.WarmUp;

/**
 * One device's queue and the single thread that works it. The thread owns an {@link Analyzer},
 * whose TensorFlow graphs stay alive between jobs so later images of a model reuse them.
 */
final class Worker {

    private static final Comparator<Task> ORDER =
            Comparator.<Task, Priority>comparing(t -> t.job.priority()).thenComparingLong(t -> t.job.id());

    private final ThreadPoolExecutor executor;
    private final Analyzer analyzer = new Analyzer();
    private final JobRunner runner;
    private volatile boolean closing;
    private volatile JobHandle running;

    Worker(ComputeDevice device, JobRunner runner) {
        this.runner = runner;
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(), r -> {
            Thread t = new Thread(() -> {
                startRuntime();
                r.run();
            }, "sieve-" + device.id() + "-worker");
            t.setDaemon(true);
            return t;
        });
        // With the thread already there, every job passes through the priority queue.
        executor.prestartCoreThread();
    }

    /**
     * Starts TensorFlow (its natives, then a first throwaway graph; seconds) as the worker
     * starts, before any job: a job's time is then its own. A runtime that cannot start is left
     * for the first job to report.
     */
    private static void startRuntime() {
        try {
            WarmUp.run();
        } catch (SieveException e) {
            // The first job meets the same error and reports it with its context.
        }
    }

    void enqueue(JobHandle job) {
        Task task = new Task(job);
        job.onDequeue(() -> {
            if (executor.remove(task)) {
                job.finishCancelled();
            }
        });
        executor.execute(task);
    }

    /** Cancels queued and running jobs, waits for the thread to stop, then frees the native memory. */
    void close() throws InterruptedException {
        closing = true;
        List<Runnable> queued = new ArrayList<>();
        executor.getQueue().drainTo(queued);
        queued.forEach(t -> ((Task) t).job.finishCancelled());
        JobHandle current = running;
        if (current != null) {
            current.cancel();
        }
        executor.shutdown();
        // Freeing the graphs while a step still runs would crash it; a cancelled job stops within a step.
        executor.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        analyzer.close();
    }

    private final class Task implements Runnable, Comparable<Task> {
        private final JobHandle job;

        Task(JobHandle job) {
            this.job = job;
        }

        @Override
        public void run() {
            running = job;
            try {
                if (closing || job.isCancelled()) {
                    job.finishCancelled();
                } else {
                    job.finish(runner.run(job, analyzer));
                }
            } catch (Throwable t) {
                job.fail(t);
            } finally {
                running = null;
            }
        }

        @Override
        public int compareTo(Task other) {
            return ORDER.compare(this, other);
        }
    }
}
