package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.network.format.Model;
import org.sieve.network.format.ModelMetadata;
import org.sieve.service.AnalysisService;
import org.sieve.service.BatchListener;
import org.sieve.service.BatchReport;
import org.sieve.service.BatchRunner;
import org.sieve.service.ResultCache;

/** {@code sieve batch}: every image under a folder, with a summary per layer over all of them. */
final class BatchCommand {

    static final String HELP = """
            Usage: sieve batch --model M --images DIR --out DIR [options]
              Analyses every image under DIR (recursively; other files are skipped with a warning)
              like 'sieve analyze', writing each image's result.json, entropy.csv and heatmaps into
              OUT/<relative path without extension>/, then a summary per layer over all images:
              mean and standard deviation of the layer entropy, foreground and background entropy,
              concentration and knowledge points, as summary.csv, summary.json and summary.png.
              Interrupted? Run the same command again: finished images are kept, the rest resumes.
              --model M             bundled model id or model folder (see 'sieve models')
              --images DIR          folder of PNG, JPEG, BMP or GIF images
              --out DIR             output folder
              --layers all|L1,L2    layers to analyse (default all)
              --mask auto|none      auto: digit strokes are the foreground (default none)
              --limit N             the first N images in path order
              --steps N             optimisation steps at most (default 200)
              --seed S              noise seed (default 0)
              --metric M, --tau T, --sigma0 S, --grid RxC, --draws N, --device cpu|gpu, --crop
                                    as for 'sieve analyze'
              --no-cache            compute every layer, neither reading nor writing the result cache
              --model-dir DIR       also look for models in DIR""";

    private BatchCommand() {
    }

    static int run(List<String> args, PrintStream err) {
        Options o = Options.parse("batch", args, Set.of("model", "images", "out", "layers", "mask", "limit", "steps",
                "seed", "tau", "sigma0", "grid", "draws", "device", "model-dir", "metric"), Set.of("crop", "no-cache"));
        Model model = Catalogues.of(o).resolve(o.require("model"));
        ModelMetadata meta = model.metadata();
        String mask = o.get("mask", "none").trim().toLowerCase(Locale.ROOT);
        if (!mask.equals("auto") && !mask.equals("none")) {
            throw new UsageException("--mask for a batch is auto or none, got '" + mask + "'.");
        }
        DiscardingSettings settings = AnalyzeCommand.settings(o, meta).validated(meta.inputHeight(), meta.inputWidth());
        List<String> layers = AnalyzeCommand.layers(model.network(), o.get("layers", "all"));
        AnalyzeCommand.requireDecoders(model, layers, settings);
        BatchRunner.Spec spec = new BatchRunner.Spec(model, Path.of(o.require("images")), Path.of(o.require("out")),
                layers, mask.equals("auto"),
                o.integer("limit", 0, 1), settings, o.has("crop") ? ResizeMode.CENTRE_CROP : ResizeMode.STRETCH);
        BatchReport report;
        try (AnalysisService service = new AnalysisService(o.has("no-cache") ? null : ResultCache.openDefault())) {
            report = new BatchRunner(spec, service, progress(err)).run();
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
        err.println("Summary written to " + spec.out().toAbsolutePath().resolve("summary.json")
                + " (and summary.csv, summary.png)");
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
