package org.sieve.service;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.ResultJson;
import org.sieve.analysis.Version;
import org.sieve.image.ForegroundMask;
import org.sieve.analysis.ImageFit;
import org.sieve.image.ImageLoader;
import org.sieve.image.ImageScan;
import org.sieve.image.PreparedImage;
import org.sieve.image.ForegroundChoice;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;

/**
 * Analyses every image under a folder into OUT/&lt;relative path without extension&gt;/ and writes
 * a summary over all images. Resumable: an image whose result.json exists (written last and
 * atomically) is finished and not recomputed, so a rerun with the same arguments continues where
 * an interrupted one stopped. The next image is prepared and queued while one is computed.
 */
public final class BatchRunner {

    /**
     * @param layers   layers to analyse
     * @param autoMask find digit strokes as foreground in every image
     * @param limit    analyse at most this many images (in path order); 0 for all
     * @param region   only this part of every image, or null for all of it
     */
    public record Spec(Model model, Path images, Path out, List<String> layers, boolean autoMask, int limit,
            DiscardingSettings settings, ResizeMode resize, RequestedRegion region) {
    }

    /**
     * Where a batch's unfinished images are analysed: this JVM's analysis service, or a cluster
     * engine (org.sieve.spark). It writes each image's folder itself and reports every image to
     * {@code results}, in the order given, so the summary is the same whichever engine ran.
     */
    public interface Engine {
        void analyse(List<Unfinished> images, Results results);
    }

    /** @param image relative to the images folder; {@code dir} is where its results go */
    public record Unfinished(Path image, Path dir) {
    }

    /** What an engine reports per image. */
    public interface Results {
        /** @param result the image's result.json, already written into its folder */
        void finished(String image, JsonObject result, double engineSeconds, double optimisationSeconds);

        void skipped(String image, String reason);
    }

    private static final int IN_FLIGHT = 2;
    private static final Gson GSON = new Gson();

    private record Pending(String image, Path dir, JobHandle job) {
    }

    private final Spec spec;
    private final AnalysisService service;
    private final BatchListener listener;
    private final Engine engine;
    private final List<String> layers;
    private final BatchSummary summary;
    private final BatchFolder folder;
    private int total;
    private int resumed;
    private int computed;
    private long start;
    private double engineSeconds;
    private double optimisationSeconds;

    public BatchRunner(Spec spec, AnalysisService service, BatchListener listener) {
        this(spec, service, null, listener);
    }

    /** @param engine analyses the unfinished images instead of this JVM's analysis service */
    public BatchRunner(Spec spec, Engine engine, BatchListener listener) {
        this(spec, null, engine, listener);
    }

    private BatchRunner(Spec spec, AnalysisService service, Engine engine, BatchListener listener) {
        this.spec = spec;
        this.service = service;
        this.engine = engine != null ? engine : this::analyseHere;
        this.listener = listener;
        this.layers = spec.model().network().inOrder(spec.layers());
        this.summary = new BatchSummary(layers);
        this.folder = new BatchFolder(spec.out());
    }

    public BatchReport run() {
        ImageScan.Found found = ImageScan.under(spec.images(), spec.out());
        found.warnings().forEach(listener::warning);
        List<Path> images = spec.limit() > 0 && found.images().size() > spec.limit()
                ? found.images().subList(0, spec.limit()) : found.images();
        if (images.isEmpty()) {
            throw new SieveException("No PNG, JPEG, BMP or GIF images under " + spec.images() + ".");
        }
        total = images.size();
        try (BatchLock lock = BatchLock.acquire(spec.out())) {
            BatchManifest.claim(spec.out(), manifest());
            return runAll(images);
        }
    }

    private BatchReport runAll(List<Path> images) {
        Map<Path, Path> dirs = folder.imageFolders(images);
        List<Unfinished> todo = new ArrayList<>();
        for (Path image : images) {
            JsonObject done = BatchFolder.finished(dirs.get(image), listener);
            if (done == null) {
                todo.add(new Unfinished(image, dirs.get(image)));
            } else {
                summary.add(done);
                resumed++;
            }
        }
        if (resumed > 0) {
            listener.resuming(resumed, total);
        }
        start = System.nanoTime();
        engine.analyse(todo, new Results() {
            @Override
            public void finished(String image, JsonObject result, double engineSeconds, double optimisationSeconds) {
                BatchRunner.this.finished(image, result, engineSeconds, optimisationSeconds);
            }

            @Override
            public void skipped(String image, String reason) {
                skip(image, reason);
            }
        });
        BatchReport report = report();
        writeSummary(report);
        return report;
    }

    /** The in-process engine: the next image is prepared and queued while one is computed. */
    private void analyseHere(List<Unfinished> todo, Results results) {
        Deque<Pending> inFlight = new ArrayDeque<>();
        try {
            for (Unfinished u : todo) {
                Pending p = submit(u.image(), u.dir(), results);
                if (p != null) {
                    inFlight.add(p);
                }
                if (inFlight.size() >= IN_FLIGHT) {
                    collect(inFlight.poll(), results);
                }
            }
            while (!inFlight.isEmpty()) {
                collect(inFlight.poll(), results);
            }
        } finally {
            inFlight.forEach(p -> p.job().cancel());
        }
    }

    /** Loads and queues one image; an unreadable one is skipped with a warning. */
    private Pending submit(Path image, Path dir, Results results) {
        String name = image.toString();
        try {
            AnalysisRequest req = request(spec, image, listener);
            JobListener warnings = e -> {
                if (e instanceof JobEvent.Warning w) {
                    listener.warning(w.message());
                }
            };
            return new Pending(name, dir, service.submit(req, Priority.BATCH, warnings));
        } catch (SieveException e) {
            results.skipped(name, e.getMessage());
            return null;
        }
    }

    /**
     * One image's analysis request, as every engine makes it.
     *
     * @param image relative to the images folder
     * @throws SieveException when the image cannot be read
     */
    public static AnalysisRequest request(Spec spec, Path image, BatchListener listener) {
        ModelMetadata meta = spec.model().metadata();
        PreparedImage prepared = ImageLoader.load(spec.images().resolve(image), meta.input(), spec.resize(),
                spec.region());
        ForegroundChoice auto = new ForegroundChoice.Auto();
        ForegroundMask mask = spec.autoMask() ? auto.on(prepared) : null;
        String warning = ImageFit.warning(meta, prepared);
        if (warning != null) {
            listener.warning(warning);
        }
        if (spec.autoMask() && auto.note(prepared) != null) {
            listener.warning(auto.note(prepared));
        }
        return new AnalysisRequest(spec.model(), prepared, spec.model().network().inOrder(spec.layers()), mask,
                spec.settings());
    }

    /** Waits for an image's result and writes it; a write failure (e.g. a full disk) stops the batch. */
    private void collect(Pending p, Results results) {
        JobResult r;
        try {
            r = p.job().await();
        } catch (SieveException | CancellationException e) {
            results.skipped(p.image(), "the analysis failed: " + e.getMessage());
            return;
        }
        try {
            BatchFolder.writeImage(r, p.dir());
        } catch (SieveException e) {
            throw new SieveException(e.getMessage() + " The batch stopped after " + summary.images() + " of " + total
                    + " images; run the same command again to resume.", e.exitCode(), e);
        }
        results.finished(p.image(), ResultJson.toJson(r.analysis(), r.cachedLayers()), r.engineSeconds(),
                r.optimisationSeconds());
    }

    private void finished(String image, JsonObject result, double seconds, double optimisation) {
        summary.add(result);
        computed++;
        engineSeconds += seconds;
        optimisationSeconds += optimisation;
        int done = summary.images();
        listener.imageFinished(image, done, total, seconds,
                elapsed() / computed * (total - done - summary.skipped().size()));
    }

    private void skip(String image, String reason) {
        summary.skip(image, reason);
        listener.warning("Skipping " + image + ": " + reason);
    }

    private BatchReport report() {
        return new BatchReport(total, summary.images(), resumed, summary.skipped(), summary.failedLayers(), elapsed(),
                engineSeconds, optimisationSeconds, summary.falls());
    }

    private void writeSummary(BatchReport report) {
        try {
            folder.writeSummary(summary, report, maskName());
        } catch (SieveException e) {
            throw new SieveException(e.getMessage() + " Every image's result is written; run the same command"
                    + " again to write the summary.", e.exitCode(), e);
        }
    }

    /** What must match for a rerun to resume: the model, layers, mask, resizing, settings, version and engine. */
    private JsonObject manifest() {
        JsonObject o = new JsonObject();
        Version.stamp(o);
        o.addProperty("model", spec.model().sha256());
        o.add("layers", GSON.toJsonTree(layers));
        o.addProperty("mask", maskName());
        o.addProperty("resize", spec.resize().label());
        o.add("settings", GSON.toJsonTree(spec.settings()));
        return o;
    }

    private String maskName() {
        return spec.autoMask() ? "auto" : "none";
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
