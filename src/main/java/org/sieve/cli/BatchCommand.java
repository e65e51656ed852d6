package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.sieve.metrics.DepthFalls;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.model.Model;
import org.sieve.service.AnalysisService;
import org.sieve.service.BatchListener;
import org.sieve.service.BatchReport;
import org.sieve.service.BatchLocation;
import org.sieve.service.BatchRunner;
import org.sieve.spark.SparkBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sieve batch}: every image under a folder, with a summary per layer over all of them. */
@Command(name = "batch",
        header = "Analyse every image in a folder, with a summary per layer (resumable).",
        description = {"Analyses every image under DIR (recursively; other files are skipped with a warning) like"
                + " 'sieve analyze', writing each image's result.json, entropy.csv and heatmaps into"
                + " OUT/<relative path without extension>/, then a summary per layer over all images: mean and"
                + " standard deviation of the layer entropy, foreground and background entropy, concentration and"
                + " knowledge points, as summary.csv, summary.json and summary.png.",
                "Interrupted? Run the same command again: finished images are kept, the rest resumes."})
final class BatchCommand extends Subcommand {

    /** Whether digit strokes are every image's foreground. */
    enum Mask { AUTO, NONE }

    /** Where the images are analysed: this process, or Apache Spark's executors. */
    enum Engine { PLAIN, SPARK }

    @Mixin
    ModelOption modelOption;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of PNG, JPEG, BMP or"
            + " GIF images, or its file: URI.")
    String images;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder, or its file: URI.")
    String out;

    @Mixin
    FittingOption fitting;

    @Mixin
    LayersOption layerOption;

    @Option(names = "--mask", paramLabel = "auto|none", description = "auto: digit strokes are the foreground"
            + " (default none).")
    Mask mask = Mask.NONE;

    @Option(names = "--limit", paramLabel = "N", converter = Count.class, description = "Only the first N images"
            + " in path order.")
    int limit;

    @Mixin
    CacheOption cache;

    @Option(names = "--engine", paramLabel = "plain|spark", description = "plain: this process (default). spark:"
            + " Apache Spark's executors, same outputs plus summary.parquet (docs/cluster.md).")
    Engine engine = Engine.PLAIN;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: local[N] (embedded, the"
            + " default local[*]), spark://HOST:PORT, yarn or k8s://...; spark-submit's own when run by it.")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "With --engine spark: a Spark setting, as"
            + " spark-submit's --conf (repeatable), e.g. spark.executor.memory=2g.")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Mixin
    AnalysisOptions analysis;

    @Override
    public Integer call() {
        PrintStream err = err();
        Path imagesFolder = BatchLocation.folder(images, "--images");
        Path outFolder = BatchLocation.folder(out, "--out");
        Model model = modelOption.resolve();
        List<String> layers = layerOption.in(model.network());
        DiscardingSettings settings = analysis.resolve(model, layers, err);
        BatchRunner.Spec spec = new BatchRunner.Spec(model, imagesFolder, outFolder, layers, mask == Mask.AUTO,
                limit, settings, fitting.mode(), fitting.region());
        BatchReport report;
        if (engine == Engine.SPARK) {
            report = SparkLink.run(spec, modelOption.location(model), new SparkBatch.Cluster(master, sparkConf),
                    !cache.off, progress(err));
        } else {
            if (master != null || !sparkConf.isEmpty()) {
                throw new UsageException("--master and --conf need --engine spark.");
            }
            try (AnalysisService service = new AnalysisService(cache.open())) {
                report = new BatchRunner(spec, service, progress(err)).run();
            }
        }
        summarise(report, spec, err);
        return report.skipped().isEmpty() && report.failedLayers() == 0 ? 0 : Main.PARTIAL;
    }

    private static BatchListener progress(PrintStream err) {
        return new BatchListener() {
            @Override
            public void warning(String message) {
                err.println("Warning: " + message);
            }

            @Override
            public void resuming(int finished, int total) {
                err.println("Resuming: " + finished + " of " + total + " images are finished from an earlier run.");
            }

            @Override
            public void imageFinished(String image, int done, int total, double seconds, double eta) {
                int width = String.valueOf(total).length();
                err.printf(Locale.ROOT, "[%" + width + "d/%d] %s  %.2f s  ETA %s%n", done, total, image, seconds,
                        duration(eta));
            }
        };
    }

    private static void summarise(BatchReport r, BatchRunner.Spec spec, PrintStream err) {
        err.printf(Locale.ROOT, "Analysed %d of %d images (%d finished earlier) in %.1f s; the engine took %.1f s,"
                + " the sigma optimisation itself %.1f s (%.0f%% of the run).%n", r.analysed(), r.images(), r.resumed(),
                r.seconds(), r.engineSeconds(), r.optimisationSeconds(),
                r.seconds() > 0 ? 100 * r.optimisationSeconds() / r.seconds() : 0.0);
        if (!r.skipped().isEmpty()) {
            err.println(r.skipped().size() + " images were skipped; summary.json lists them and why.");
        }
        if (r.failedLayers() > 0) {
            err.println(r.failedLayers() + " layer results failed; see each image's result.json.");
        }
        err.println(falls(spec.settings().metric().meanSymbol(), r.falls()));
        err.println("Summary written to " + spec.out().toAbsolutePath().resolve("summary.json")
                + " (and summary.csv, summary.png)");
    }

    /** The largest falls of the layer value with depth, in words; a deeper layer should not keep more. */
    static String falls(String quantity, DepthFalls falls) {
        DepthFalls.Fall mean = falls.largestMeanFall();
        DepthFalls.Fall single = falls.largestSingleFall();
        String onAverage = mean.from() == null ? quantity + " never falls from a layer to a deeper one on average"
                : String.format(Locale.ROOT, "Largest fall of %s with depth: %.3f nats on average over the images (%s"
                        + " to %s)", quantity, mean.nats(), mean.from(), mean.to());
        String onOne = single.from() == null ? ", nor on any image." : String.format(Locale.ROOT, "; %.3f on one"
                + " image (%s to %s, %s).", single.nats(), single.from(), single.to(), single.image());
        return onAverage + onOne;
    }

    /** "45 s", "3 min 05 s", "2 h 07 min". */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "unknown";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
