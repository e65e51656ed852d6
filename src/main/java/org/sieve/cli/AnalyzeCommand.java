package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.AnalysisResult;
import org.sieve.analysis.ResultFiles;
import org.sieve.analysis.ResultJson;
import org.sieve.image.ForegroundMask;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.GridSize;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.metrics.Phi;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.format.DecoderSet;
import org.sieve.network.format.Model;
import org.sieve.network.format.ModelMetadata;
import org.sieve.service.AnalysisService;
import org.sieve.service.JobEvent;
import org.sieve.service.JobListener;
import org.sieve.service.JobResult;
import org.sieve.service.Priority;
import org.sieve.service.ResultCache;
import org.sieve.tf.ComputeDevice;

/** {@code sieve analyze}: metric 1 or 2 for chosen layers of one image, written to a folder. */
final class AnalyzeCommand {

    static final String HELP = """
            Usage: sieve analyze --model M --image FILE [options]
              Measures, for each chosen layer, how much information of each input pixel the
              layer discards (pixel-wise entropy, METHOD.md section 2) and writes result.json,
              entropy.csv and one heatmap PNG per layer. With --metric ru it measures instead how
              uncertain the image is when rebuilt from each layer (section 3) and also writes
              each layer's reconstruction; that needs the model's decoders (sieve train-decoders).
              --metric M            information-discarding (default) or ru
              --model M             bundled model id or model folder (see 'sieve models')
              --image FILE          PNG, JPEG, BMP or GIF; converted and resized to the model's input
              --crop                centre-crop to the model's aspect ratio instead of stretching
              --layers all|L1,L2    layers to analyse (default all; see 'sieve layers')
              --mask auto|FILE|x,y,w,h
                                    foreground: digit strokes, a mask image, or a rectangle in
                                    image pixels; adds foreground/background entropy and
                                    knowledge points
              --steps N             optimisation steps at most (default 200)
              --seed S              noise seed (default 0); same seed and device, same result
              --tau T               allowed relative distortion D/D0 (default 1.5)
              --sigma0 S            noise that defines D0, pixel units (default 0.01)
              --grid RxC            sigma grid (default: per pixel up to 32x32, else 16x16)
              --draws N             noise draws per step (default 8)
              --device cpu|gpu      where TensorFlow runs (default cpu)
              --out DIR             output folder (default sieve-results/<model>-<image>)
              --json                print result.json on standard output and nothing else there
              --no-cache            compute every layer, neither reading nor writing the result cache
              --model-dir DIR       also look for models in DIR""";

    private AnalyzeCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse("analyze", args, Set.of("model", "image", "layers", "mask", "steps", "seed",
                "tau", "sigma0", "grid", "draws", "device", "out", "model-dir", "metric"), Set.of("json", "crop", "no-cache"));
        Model model = Catalogues.of(o).resolve(o.require("model"));
        Path imagePath = Path.of(o.require("image"));
        ModelMetadata meta = model.metadata();
        PreparedImage image = ImageLoader.load(imagePath, meta.inputHeight(), meta.inputWidth(),
                meta.inputChannels(), o.has("crop") ? ResizeMode.CENTRE_CROP : ResizeMode.STRETCH);
        ForegroundMask mask = o.has("mask") ? ForegroundMask.parse(o.get("mask", ""), image) : null;
        List<String> layers = layers(model.network(), o.get("layers", "all"));
        DiscardingSettings settings = settings(o, meta).validated(meta.inputHeight(), meta.inputWidth());
        requireDecoders(model, layers, settings);
        Path dir = o.path("out", Path.of("sieve-results", meta.id() + "-" + stem(imagePath)));

        ConsoleProgress progress = ConsoleProgress.on(err);
        JobResult job;
        try (AnalysisService service = new AnalysisService(o.has("no-cache") ? null : ResultCache.openDefault())) {
            job = service.submit(new AnalysisRequest(model, image, layers, mask, settings), Priority.INTERACTIVE,
                    withWarnings(JobListener.forwardingTo(progress), err)).await();
        } finally {
            progress.finish();
        }
        AnalysisResult result = job.analysis();
        ResultFiles.write(result, job.cachedLayers(), dir);
        if (o.has("json")) {
            out.print(ResultJson.toText(result, job.cachedLayers()));
        }
        summarise(result, dir, err);
        if (!job.cachedLayers().isEmpty()) {
            err.println(job.cachedLayers().size() + " of " + result.discarding().layers().size()
                    + " layers came from the result cache; --no-cache recomputes them.");
        }
        List<LayerResult> failed = result.discarding().layers().stream().filter(l -> !l.ok()).toList();
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

    /** Metric 2 needs a decoder per layer: say so, and how to train them, before any work starts. */
    static void requireDecoders(Model model, List<String> layers, DiscardingSettings settings) {
        if (settings.metric() == Metric.RECONSTRUCTION_UNCERTAINTY) {
            DecoderSet.check(model, layers);
        }
    }

    static List<String> layers(Network network, String spec) {
        if (spec.equalsIgnoreCase("all")) {
            return network.analysableLayers().stream().map(Layer::name).toList();
        }
        List<String> names = Arrays.stream(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        names.forEach(network::layer);
        return names;
    }

    static DiscardingSettings settings(Options o, ModelMetadata meta) {
        DiscardingSettings d = DiscardingSettings.defaults();
        DiscardingSettings.Builder b = d.toBuilder()
                .maxSteps(o.integer("steps", d.maxSteps(), 1))
                .seed(o.longValue("seed", d.seed()))
                .tau(o.number("tau", d.tau()))
                .sigma0(o.number("sigma0", d.sigma0()))
                .draws(o.integer("draws", d.draws(), 1))
                .device(ComputeDevice.parse(o.get("device", d.device().id())))
                .phi(Phi.AUTO)
                .metric(Metric.parse(o.get("metric", d.metric().id())));
        int[] grid = o.has("grid") ? parseGrid(o.get("grid", "")) : meta.sigmaGrid();
        if (grid != null) {
            b.grid(new GridSize(grid[0], grid[1]));
        }
        DiscardingSettings s = b.build();
        return s.checkDraws() < s.draws() ? s.toBuilder().checkDraws(s.draws()).build() : s;
    }

    private static int[] parseGrid(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int rows = Integer.parseInt(parts[0].trim());
                int columns = Integer.parseInt(parts[1].trim());
                if (rows >= 1 && columns >= 1) {
                    return new int[] {rows, columns};
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UsageException("--grid expects ROWSxCOLUMNS with positive numbers, e.g. 16x16; got '" + text + "'.");
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
