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
import org.sieve.network.format.Model;
import org.sieve.network.format.ModelMetadata;

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

    private static final int IN_FLIGHT = 2;
    private static final Gson GSON = new Gson();

    private record Pending(String image, Path dir, JobHandle job) {
    }

    private final Spec spec;
    private final AnalysisService service;
    private final BatchListener listener;
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
        this.spec = spec;
        this.service = service;
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
        List<Path> todo = new ArrayList<>();
        for (Path image : images) {
            JsonObject done = BatchFolder.finished(dirs.get(image), listener);
            if (done == null) {
                todo.add(image);
            } else {
                summary.add(done);
                resumed++;
            }
        }
        if (resumed > 0) {
            listener.resuming(resumed, total);
        }
        start = System.nanoTime();
        Deque<Pending> inFlight = new ArrayDeque<>();
        try {
            for (Path image : todo) {
                Pending p = submit(image, dirs.get(image));
                if (p != null) {
                    inFlight.add(p);
                }
                if (inFlight.size() >= IN_FLIGHT) {
                    collect(inFlight.poll());
                }
            }
            while (!inFlight.isEmpty()) {
                collect(inFlight.poll());
            }
        } finally {
            inFlight.forEach(p -> p.job().cancel());
        }
        BatchReport report = report();
        writeSummary(report);
        return report;
    }

    /** Loads and queues one image; an unreadable one is skipped with a warning. */
    private Pending submit(Path image, Path dir) {
        String name = image.toString();
        ModelMetadata meta = spec.model().metadata();
        try {
            PreparedImage prepared = ImageLoader.load(spec.images().resolve(image), meta.inputHeight(),
                    meta.inputWidth(), meta.inputChannels(), spec.resize(), spec.region());
            ForegroundChoice auto = new ForegroundChoice.Auto();
            ForegroundMask mask = spec.autoMask() ? auto.on(prepared) : null;
            String warning = ImageFit.warning(meta, prepared);
            if (warning != null) {
                listener.warning(warning);
            }
            if (spec.autoMask() && auto.note(prepared) != null) {
                listener.warning(auto.note(prepared));
            }
            AnalysisRequest req = new AnalysisRequest(spec.model(), prepared, layers, mask, spec.settings());
            JobListener warnings = e -> {
                if (e instanceof JobEvent.Warning w) {
                    listener.warning(w.message());
                }
            };
            return new Pending(name, dir, service.submit(req, Priority.BATCH, warnings));
        } catch (SieveException e) {
            skip(name, e.getMessage());
            return null;
        }
    }

    /** Waits for an image's result and writes it; a write failure (e.g. a full disk) stops the batch. */
    private void collect(Pending p) {
        JobResult r;
        try {
            r = p.job().await();
        } catch (SieveException | CancellationException e) {
            skip(p.image(), "the analysis failed: " + e.getMessage());
            return;
        }
        try {
            BatchFolder.writeImage(r, p.dir());
        } catch (SieveException e) {
            throw new SieveException(e.getMessage() + " The batch stopped after " + summary.images() + " of " + total
                    + " images; run the same command again to resume.", e.exitCode(), e);
        }
        summary.add(ResultJson.toJson(r.analysis(), r.cachedLayers()));
        computed++;
        engineSeconds += r.engineSeconds();
        optimisationSeconds += r.optimisationSeconds();
        int done = summary.images();
        listener.imageFinished(p.image(), done, total, r.engineSeconds(),
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
