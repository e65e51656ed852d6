package org.sieve.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.ResultJson;
import org.sieve.model.Model;
import org.sieve.service.AnalysisService;
import org.sieve.service.BatchFolder;
import org.sieve.service.BatchListener;
import org.sieve.service.BatchRunner;
import org.sieve.service.JobEvent;
import org.sieve.service.JobResult;
import org.sieve.service.Priority;
import org.sieve.service.ResultCache;

/**
 * The analysis side of one executor JVM: one analysis service and one copy of each model for the
 * JVM's lifetime, so TensorFlow's natives load once and a model's graphs are built once and then
 * reused by every task (and so every partition) the executor runs. Tasks running at the same
 * time queue on the one service, whose worker already uses every core for each image.
 */
final class ExecutorAnalyses {

    private static final Map<Boolean, AnalysisService> SERVICES = new HashMap<>();
    private static final Map<String, Model> MODELS = new HashMap<>();

    private ExecutorAnalyses() {
    }

    /**
     * Analyses a partition's images. An image finished by an earlier attempt of the task (its
     * result.json exists) is read, not recomputed or rewritten; an image that cannot be read or
     * analysed is reported as skipped, so a bad file never fails the task. Only a result that
     * cannot be written fails it, and Spark retries it.
     */
    static List<ImageOutcome> analyse(BatchJob job, Iterator<ImageTask> tasks) {
        BatchRunner.Spec spec = job.spec(model(job));
        AnalysisService service = service(job.cache());
        List<ImageOutcome> outcomes = new ArrayList<>();
        tasks.forEachRemaining(t -> outcomes.add(analyse(spec, service, t)));
        return outcomes;
    }

    private static ImageOutcome analyse(BatchRunner.Spec spec, AnalysisService service, ImageTask task) {
        Path dir = Path.of(task.dir());
        List<String> warnings = new ArrayList<>();
        BatchListener listener = new BatchListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        var done = BatchFolder.finished(dir, listener);
        if (done != null) {
            return new ImageOutcome(task.image(), done.toString(), null, 0, 0, List.copyOf(warnings));
        }
        AnalysisRequest req;
        try {
            req = BatchRunner.request(spec, Path.of(task.image()), listener);
        } catch (SieveException e) {
            return ImageOutcome.skipped(task.image(), e.getMessage(), warnings);
        }
        JobResult r;
        try {
            r = service.submit(req, Priority.BATCH, e -> {
                if (e instanceof JobEvent.Warning w) {
                    listener.warning(w.message());
                }
            }).await();
        } catch (SieveException | CancellationException e) {
            return ImageOutcome.skipped(task.image(), "the analysis failed: " + e.getMessage(), warnings);
        }
        BatchFolder.writeImage(r, dir);
        return new ImageOutcome(task.image(), ResultJson.toText(r.analysis(), r.cachedLayers()), null,
                r.engineSeconds(), r.optimisationSeconds(), List.copyOf(warnings));
    }

    private static synchronized Model model(BatchJob job) {
        return MODELS.computeIfAbsent(job.model() + "@" + job.modelSha256(), k -> job.openModel());
    }

    private static synchronized AnalysisService service(boolean cache) {
        return SERVICES.computeIfAbsent(cache, c -> new AnalysisService(c ? ResultCache.openDefault() : null));
    }
}
