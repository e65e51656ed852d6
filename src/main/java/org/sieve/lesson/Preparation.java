package org.sieve.lesson;

import java.util.ArrayList;
import java.util.List;
import org.sieve.service.AnalysisService;
import org.sieve.service.JobHandle;
import org.sieve.service.JobListener;
import org.sieve.service.JobResult;
import org.sieve.service.Priority;
import org.sieve.service.ResultCache;

/**
 * Whether a lesson's steps are in the result cache, and computing them into it, so that playing
 * the lesson needs no computing.
 */
public final class Preparation {

    /** How much of one step the cache holds. */
    public record StepState(int step, String title, int layers, int held) {

        public boolean prepared() {
            return held == layers;
        }
    }

    /** Follows a preparation panel by panel. */
    public interface Progress {
        /** A panel's job is submitted; the listener receives its events. */
        JobListener started(PanelRequest panel, int index, int count);

        /** The panel's job ended (also when it failed); called on the preparing thread. */
        default void finished(PanelRequest panel) {
        }
    }

    private Preparation() {
    }

    /** Per step, how many of its layers the cache holds; nothing is computed. */
    public static List<StepState> check(Lesson lesson, StepRequests requests, ResultCache cache) {
        List<StepState> out = new ArrayList<>();
        for (int i = 0; i < lesson.steps().size(); i++) {
            int layers = 0;
            int held = 0;
            for (PanelRequest p : requests.of(lesson.steps().get(i), i + 1)) {
                layers += p.request().layers().size();
                held += cache.held(p.request()).size();
            }
            out.add(new StepState(i + 1, lesson.steps().get(i).title(), layers, held));
        }
        return out;
    }

    /**
     * Computes what the cache lacks, every panel in turn at batch priority (so the explorer's own
     * analyses go first), and waits for each.
     *
     * @return the finished jobs, panel by panel in step order
     */
    public static List<JobResult> prepare(List<PanelRequest> panels, AnalysisService service, Progress progress) {
        List<JobResult> out = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            PanelRequest p = panels.get(i);
            JobHandle job = service.submit(p.request(), Priority.BATCH, progress.started(p, i, panels.size()));
            try {
                out.add(job.await());
            } finally {
                progress.finished(p);
            }
        }
        return out;
    }
}
