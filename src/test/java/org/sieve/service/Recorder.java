package org.sieve.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps a job's events and the highest step seen; lets a test wait until a job is optimising. */
final class Recorder implements JobListener {

    private final boolean sigma;
    private final List<JobEvent> events = new ArrayList<>();
    private final AtomicInteger maxStep = new AtomicInteger();
    private final CountDownLatch stepping = new CountDownLatch(3);

    Recorder(boolean sigma) {
        this.sigma = sigma;
    }

    @Override
    public synchronized void onEvent(JobEvent event) {
        events.add(event);
        if (event instanceof JobEvent.Step s) {
            maxStep.accumulateAndGet(s.step().step(), Math::max);
            stepping.countDown();
        }
    }

    @Override
    public boolean wantsSigma() {
        return sigma;
    }

    synchronized List<JobEvent> events() {
        return List.copyOf(events);
    }

    <T extends JobEvent> List<T> of(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    int maxStep() {
        return maxStep.get();
    }

    /** Waits until a few steps have run. */
    void awaitSteps() throws InterruptedException {
        if (!stepping.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the job did not start optimising within 60 s");
        }
    }
}
