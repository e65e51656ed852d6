package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.AnalysisResult;
import org.sieve.analysis.ResultFiles;
import org.sieve.analysis.ResultJson;
import org.sieve.image.ForegroundChoice;
import org.sieve.image.ForegroundMask;
import org.sieve.image.PreparedImage;
import org.sieve.io.SafeNames;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.service.AnalysisService;
import org.sieve.service.JobEvent;
import org.sieve.service.JobListener;
import org.sieve.service.JobResult;
import org.sieve.service.Priority;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sieve analyze}: metric 1 or 2 for chosen layers of one image, written to a folder. */
@Command(name = "analyze", aliases = "analyse",
        header = "Measure pixel-wise information discarding (or, with --metric ru, reconstruction uncertainty) of an"
                + " image, per layer.",
        description = {"Measures, for each chosen layer, how much information of each input pixel the layer"
                + " discards (pixel-wise entropy, METHOD.md section 2) and writes result.json, entropy.csv and one"
                + " heatmap PNG per layer. With --metric ru it measures instead how uncertain the image is when"
                + " rebuilt from each layer (section 3) and also writes each layer's reconstruction; that needs"
                + " the model's decoders (sieve train-decoders). Progress goes to standard error."})
final class AnalyzeCommand extends Subcommand {

    @Mixin
    AnalysisTarget target;

    @Option(names = "--mask", paramLabel = "auto|FILE|x,y,w,h", description = "The foreground: digit strokes, a"
            + " mask image, or a rectangle in image pixels; adds foreground and background entropy and knowledge"
            + " points.")
    ForegroundChoice foreground;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default"
            + " sieve-results/<model>-<image>).")
    Path outDir;

    @Option(names = "--json", description = "Print result.json on standard output and nothing else there.")
    boolean json;

    @Mixin
    CacheOption cache;

    @Mixin
    AnalysisOptions analysis;

    @Override
    public Integer call() {
        PrintStream out = out();
        PrintStream err = err();
        if (outDir != null && outDir.toString().isBlank()) {
            throw new UsageException("--out is empty; give the folder to write the results into.");
        }
        Model model = target.model.resolve();
        ModelMetadata meta = model.metadata();
        List<String> layers = target.layers.in(model.network());
        DiscardingSettings settings = analysis.resolve(model, layers, err);
        PreparedImage image = target.image.load(meta.input());
        ForegroundMask mask = foreground == null ? null : foreground.on(image);
        ImageNotes.print(meta, image, foreground, err);
        Path dir = outDir != null ? outDir
                : SafeNames.child(Path.of("sieve-results"), SafeNames.fileNamePart(meta.id() + "-" + stem(target.image.file)));

        ConsoleProgress progress = ConsoleProgress.on(err);
        JobResult job;
        try (AnalysisService service = new AnalysisService(cache.open())) {
            job = service.submit(new AnalysisRequest(model, image, layers, mask, settings), Priority.INTERACTIVE,
                    withWarnings(JobListener.forwardingTo(progress), err)).await();
        } finally {
            progress.finish();
        }
        AnalysisResult result = job.analysis();
        ResultFiles.write(result, job.cachedLayers(), dir);
        List<LayerResult> failed = result.discarding().layers().stream().filter(l -> !l.ok()).toList();
        if (failed.size() == result.discarding().layers().size()) {
            LayerResult first = failed.get(0);
            throw new SieveException("Every layer failed (" + first.name() + ": " + first.failure() + "), so there is"
                    + " nothing to show; " + dir.resolve("result.json") + " says why for each layer.",
                    SieveException.COMPUTE_FAILED, null);
        }
        if (json) {
            out.print(ResultJson.toText(result, job.cachedLayers()));
        }
        summarise(result, dir, err);
        if (!job.cachedLayers().isEmpty()) {
            err.println(job.cachedLayers().size() + " of " + result.discarding().layers().size()
                    + " layers came from the result cache; --no-cache recomputes them.");
        }
        for (LayerResult l : failed) {
            err.println("Layer " + l.name() + " failed: " + l.failure() + ".");
        }
        return failed.isEmpty() ? 0 : Main.PARTIAL;
    }

    /** Prints the service's warnings (e.g. a cache that cannot be written) and passes on everything else. */
    static JobListener withWarnings(JobListener listener, PrintStream err) {
        return e -> {
            if (e instanceof JobEvent.Warning w) {
                err.println("Warning: " + w.message());
            } else {
                listener.onEvent(e);
            }
        };
    }

    private static String stem(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void summarise(AnalysisResult result, Path dir, PrintStream err) {
        err.printf("%-16s %12s %9s %10s %10s%n", "LAYER", result.request().settings().metric().symbol()
                + " (nats/dim)", "D/D0", "CONVERGED", "SATURATED");
        for (LayerResult l : result.discarding().layers()) {
            if (l.ok()) {
                err.printf(Locale.ROOT, "%-16s %12.4f %9.3f %10s %10d%n", l.name(), l.entropyPerDim(),
                        l.distortionRatio(), l.converged() ? "yes" : "no", l.saturatedCells());
            }
        }
        err.println("Results written to " + dir.toAbsolutePath());
    }
}
