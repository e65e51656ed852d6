package org.sieve.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.metrics.LayerResult;

/** The service's contract: ordered events, cancellation, priorities, thread safety. No cache here. */
class AnalysisServiceTest {

    /** Cancellation bound asserted below: the step in progress plus clean-up, on a loaded 2-core machine. */
    static final long CANCEL_MILLIS = 2000;

    static AnalysisService service;

    @BeforeAll
    static void start() {
        service = new AnalysisService();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void eventsArriveCompleteAndInOrder() {
        Recorder withSigma = new Recorder(true);
        Recorder plain = new Recorder(false);
        JobHandle job = service.submit(Fixtures.request(List.of("conv2", "conv1"), 30), Priority.INTERACTIVE, withSigma);
        job.subscribe(plain);
        JobResult result = job.await();

        List<JobEvent> events = withSigma.events();
        JobEvent.Started started = assertInstanceOf(JobEvent.Started.class, events.get(0));
        assertEquals(List.of("conv1", "conv2"), started.layers(), "network order");
        assertEquals(List.of(new JobEvent.LayerStarted("conv1"), new JobEvent.LayerStarted("conv2")),
                withSigma.of(JobEvent.LayerStarted.class));
        assertFalse(withSigma.of(JobEvent.Sigma.class).isEmpty(), "a sigma snapshot at the first step at least");

        List<JobEvent.LayerFinished> finished = withSigma.of(JobEvent.LayerFinished.class);
        assertEquals(List.of("conv1", "conv2"), finished.stream().map(f -> f.layer().name()).toList());
        assertEquals(finished, events.subList(events.size() - 2, events.size()), "finished layers come last");
        assertEquals(result.analysis().discarding().layers(), finished.stream().map(f -> f.layer()).toList());

        for (LayerResult layer : result.analysis().discarding().layers()) {
            List<JobEvent.Step> steps = withSigma.of(JobEvent.Step.class).stream()
                    .filter(s -> s.step().layer().equals(layer.name())).toList();
            assertEquals(layer.steps(), steps.size(), layer.name() + ": one event per step");
            for (int i = 0; i < steps.size(); i++) {
                JobEvent.Step s = steps.get(i);
                assertEquals(i + 1, s.step().step(), layer.name() + ": steps in order, none missing");
                assertEquals((i + 1) / 30.0, s.progress(), 1e-9);
                assertTrue(s.etaSeconds() >= 0 && Double.isFinite(s.etaSeconds()), "eta " + s.etaSeconds());
                assertTrue(Double.isFinite(s.step().loss()) && s.step().distortionRatio() > 0
                        && Double.isFinite(s.step().entropyPerDim()));
            }
        }
        assertTrue(plain.of(JobEvent.Sigma.class).isEmpty(), "no snapshots for listeners that do not want them");
        assertTrue(plain.events().containsAll(withSigma.of(JobEvent.LayerFinished.class)));
        assertTrue(result.engineSeconds() > 0 && result.optimisationSeconds() > 0
                && result.optimisationSeconds() < result.engineSeconds());
    }

    @Test
    void cancelStopsARunningJobWithinOneStep() throws Exception {
        Recorder events = new Recorder(false);
        JobHandle job = service.submit(Fixtures.request(List.of("conv1", "conv2"), Fixtures.ENDLESS),
                Priority.INTERACTIVE, events);
        events.awaitSteps();
        int stepAtCancel = events.maxStep();
        long start = System.nanoTime();
        job.cancel();
        assertThrows(CancellationException.class, job::await);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("cancelled at step %d, stopped after step %d, %d ms later%n", stepAtCancel,
                events.maxStep(), millis);
        assertTrue(millis < CANCEL_MILLIS, "stopped " + millis + " ms after cancel()");
        assertTrue(events.maxStep() <= stepAtCancel + 1, "at most the step in progress finishes");
        assertTrue(job.result().isCompletedExceptionally());
        assertEquals(1, service.submit(Fixtures.request(List.of("conv1"), 5), Priority.INTERACTIVE).await()
                .analysis().discarding().layers().size(), "the worker goes on after a cancellation");
    }

    @Test
    void aQueuedJobCancelledBeforeItStartsNeverRuns() throws Exception {
        Recorder blockerEvents = new Recorder(false);
        JobHandle blocker = service.submit(Fixtures.request(List.of("conv1"), Fixtures.ENDLESS), Priority.BATCH,
                blockerEvents);
        blockerEvents.awaitSteps();
        Recorder queuedEvents = new Recorder(false);
        JobHandle queued = service.submit(Fixtures.request(List.of("conv1"), 5), Priority.BATCH, queuedEvents);
        queued.cancel();
        assertTrue(queued.result().isDone(), "completed at once, without waiting for the running job");
        blocker.cancel();
        assertThrows(CancellationException.class, blocker::await);
        assertThrows(CancellationException.class, queued::await);
        assertTrue(queuedEvents.events().isEmpty(), "it never started");
    }

    @Test
    void interactiveJobsGoBeforeQueuedBatchJobs() throws Exception {
        List<String> startOrder = Collections.synchronizedList(new ArrayList<>());
        Recorder blockerEvents = new Recorder(false);
        JobHandle blocker = service.submit(Fixtures.request(List.of("conv1"), Fixtures.ENDLESS), Priority.BATCH,
                blockerEvents);
        blockerEvents.awaitSteps();
        List<JobHandle> jobs = new ArrayList<>();
        for (String name : List.of("batch-1", "batch-2", "interactive")) {
            Priority p = name.startsWith("batch") ? Priority.BATCH : Priority.INTERACTIVE;
            jobs.add(service.submit(Fixtures.request(List.of("conv1"), 5), p, e -> {
                if (e instanceof JobEvent.Started) {
                    startOrder.add(name);
                }
            }));
        }
        blocker.cancel();
        jobs.forEach(JobHandle::await);
        assertEquals(List.of("interactive", "batch-1", "batch-2"), startOrder);
    }

    @Test
    void concurrentSubmissionsFromSeveralThreadsAllComplete() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<JobResult>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t % 2;
                results.add(threads.submit(() -> service.submit(new AnalysisRequest(Fixtures.MODEL, Fixtures.image(0),
                        List.of("conv1"), null, Fixtures.settings(15, seed)), Priority.BATCH).await()));
            }
            List<LayerResult> layers = new ArrayList<>();
            for (Future<JobResult> f : results) {
                layers.add(f.get(120, TimeUnit.SECONDS).analysis().discarding().layers().get(0));
            }
            for (int t = 2; t < layers.size(); t++) {
                assertArrayEquals(layers.get(t % 2).sigma(), layers.get(t).sigma(), "same seed, same result");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void failuresArriveAsUserMessages() {
        JobHandle job = service.submit(Fixtures.request(List.of("nope"), 5), Priority.INTERACTIVE);
        SieveException e = assertThrows(SieveException.class, job::await);
        assertTrue(e.getMessage().contains("conv1"), "names the valid layers: " + e.getMessage());
    }

    @Test
    void aClosedServiceCancelsWhatIsLeft() throws Exception {
        AnalysisService own = new AnalysisService();
        Recorder events = new Recorder(false);
        JobHandle running = own.submit(Fixtures.request(List.of("conv1"), Fixtures.ENDLESS), Priority.BATCH, events);
        JobHandle queued = own.submit(Fixtures.request(List.of("conv1"), 5), Priority.BATCH);
        events.awaitSteps();
        own.close();
        assertThrows(CancellationException.class, running::await);
        assertThrows(CancellationException.class, queued::await);
        assertThrows(IllegalStateException.class, () -> own.submit(Fixtures.request(List.of("conv1"), 5),
                Priority.BATCH));
    }
}
