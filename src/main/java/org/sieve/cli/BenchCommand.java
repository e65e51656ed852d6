package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sieve.analysis.Analyzer;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.Decoders;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.InformationDiscarding;
import org.sieve.metrics.Metric;
import org.sieve.metrics.StepCost;
import org.sieve.metrics.StepEvent;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.DecoderIndex;
import org.sieve.tf.MatMulPeak;
import org.sieve.tf.TensorFlowRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sieve bench}: times the optimisation step, the hot path, for all chosen layers in one
 * fused step against one layer at a time, in one run so the ratio is fair on a busy machine.
 */
@Command(name = "bench",
        header = "Time the optimisation step (fused layers against one at a time), or live mode.",
        description = "Prints milliseconds per optimisation step with all layers fused into one TensorFlow"
                + " execution, and with each layer optimised alone, plus time per phase in the first run and the"
                + " later ones (graph build, D0, first step, later steps, constraint check, calibration, re-check),"
                + " minor page faults and system time per step, and GFLOP/s against this machine's matrix product."
                + " A step's time is the steps after the first divided by their number (runs may stop early once"
                + " every layer has converged).")
final class BenchCommand extends Subcommand {

    @Mixin
    ModelOption modelOption;

    @Option(names = "--image", paramLabel = "FILE", description = "PNG, JPEG, BMP or GIF; with --live, the photo"
            + " a crop box moves over.")
    Path imagePath;

    @Option(names = "--live", description = "Time live mode instead: a scripted pen draws a digit (or, with"
            + " --image, a crop box half the photo's size sweeps across it) while every chosen layer follows;"
            + " prints how long the graph took to prepare after the model opened, the first frame's delay after"
            + " pen-down, and frames per second.")
    boolean live;

    @Option(names = "--seconds", paramLabel = "S", description = "How long the scripted pen or box moves in"
            + " --live (default 4).")
    double liveSeconds = 4;

    @Mixin
    LayersOption layerOption;

    @Option(names = "--repeats", paramLabel = "R", converter = Count.class, description = "Timed runs of each"
            + " kind after a first one that builds the graph; the median is reported (default 3).")
    int repeats = 3;

    @Option(names = "--fused-only", description = "Time only the fused step, not each layer alone.")
    boolean fusedOnly;

    /** Shorter runs than an analysis's: a step's time settles long before 100 steps. */
    static final DiscardingSettings DEFAULTS = DiscardingSettings.defaults().toBuilder().maxSteps(100).build();

    @Mixin
    AnalysisOptions analysis = new AnalysisOptions(DEFAULTS);

    @Override
    public Integer call() {
        PrintStream out = out();
        Model model = modelOption.resolve();
        ModelMetadata meta = model.metadata();
        List<String> layers = layerOption.in(model.network());
        DiscardingSettings settings = analysis.resolve(model, layers, err());
        if (live) {
            if (!(liveSeconds > 0 && liveSeconds <= 600)) {
                throw new UsageException("--seconds must lie between 0 and 600, got " + liveSeconds + ".");
            }
            LiveBench.run(out, model, layers, settings, liveSeconds, imagePath);
            return 0;
        }
        if (imagePath == null) {
            throw new UsageException("Missing --image: the image to time the optimisation on (or use --live).");
        }
        PreparedImage image = ImageLoader.load(imagePath, meta.input(), ResizeMode.STRETCH);
        Decoders decoders = settings.metric() == Metric.RECONSTRUCTION_UNCERTAINTY
                ? Analyzer.engineDecoders(DecoderIndex.load(model), layers) : null;
        TensorFlowRuntime runtime = TensorFlowRuntime.get();
        out.printf(Locale.ROOT, "%s, %s on %s, %d layers, %d steps, %d draws, TensorFlow %s on %s, %d cores,"
                + " CPU allocator %s%n", settings.metric().title(), meta.id(), image.source(), layers.size(),
                settings.maxSteps(), settings.draws(), runtime.version(), settings.device().id(),
                Runtime.getRuntime().availableProcessors(), runtime.cpuAllocator());

        try (InformationDiscarding metric = new InformationDiscarding(model.network(), meta.normalizationMean(),
                meta.normalizationStd())) {
            Timing first = time(metric, decoders, image, layers, settings);
            out.printf(Locale.ROOT, "first fused run (builds the graph): %.2f s%n", first.total);
            List<Double> fused = new ArrayList<>();
            List<Double> alone = new ArrayList<>();
            List<Timing> later = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                Timing t = time(metric, decoders, image, layers, settings);
                fused.add(t.msPerStep());
                later.add(t);
                double sum = 0;
                for (String layer : fusedOnly ? List.<String>of() : layers) {
                    if (r == 0) {
                        time(metric, decoders, image, List.of(layer), settings);
                    }
                    sum += time(metric, decoders, image, List.of(layer), settings).msPerStep();
                }
                alone.add(sum);
            }
            double f = median(fused);
            double a = median(alone);
            out.printf(Locale.ROOT, "optimisation step, all %d layers fused:  %8.2f ms (median of %d)%n",
                    layers.size(), f, repeats);
            if (!fusedOnly) {
                out.printf(Locale.ROOT, "optimisation step, one layer at a time:  %8.2f ms (sum over layers)%n", a);
                out.printf(Locale.ROOT, "fused speed-up: %.2fx%n", a / f);
            }
            printPhases(out, first, later);
            double flops = StepCost.of(model.network(), settings.draws()).flops(layers);
            double peak = MatMulPeak.flopsPerSecond();
            out.printf(Locale.ROOT, "fused step: about %.2f GFLOP (convolutions and dense layers, forward and"
                    + " backward), %.2f GFLOP/s; this machine's 1024x1024 matrix product: %.2f GFLOP/s (%.0f %%)%n",
                    flops / 1e9, flops / 1e9 / (f / 1000), peak / 1e9, 100 * flops / (f / 1000) / peak);
            out.printf(Locale.ROOT, "peak memory: %s%n", PeakMemory.describe());
        }
        return 0;
    }

    private static Timing time(InformationDiscarding metric, Decoders decoders, PreparedImage image,
            List<String> layers, DiscardingSettings settings) {
        Timing t = new Timing();
        long start = System.nanoTime();
        metric.analyse(image.pixels(), layers, settings, decoders, t, () -> false);
        t.phase(null);
        t.total = (System.nanoTime() - start) / 1e9;
        return t;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Each phase's seconds in the first run and on average in the later ones, with the minor
     * page faults and system time of a step after the first.
     */
    private static void printPhases(PrintStream out, Timing first, List<Timing> later) {
        out.printf(Locale.ROOT, "  %-44s %10s %12s%n", "phase", "first run", "later runs");
        for (String phase : first.phases.keySet()) {
            double mean = later.stream().mapToDouble(t -> t.phases.getOrDefault(phase, 0.0)).average().orElse(0);
            out.printf(Locale.ROOT, "  %-44s %8.3f s %10.3f s%n", phase, first.phases.get(phase), mean);
        }
        ProcessCounters steps = ProcessCounters.UNKNOWN;
        int count = 0;
        for (Timing t : later) {
            steps = count == 0 ? t.stepCounters : steps.plus(t.stepCounters);
            count += Math.max(0, t.steps - 1);
        }
        if (steps.known() && count > 0) {
            double cpu = steps.userSeconds() + steps.systemSeconds();
            out.printf(Locale.ROOT, "per step after the first: %.0f minor page faults, system time %.1f ms"
                    + " (%.0f %% of the step's CPU time)%n", steps.minorFaults() / (double) count,
                    1000 * steps.systemSeconds() / count, cpu > 0 ? 100 * steps.systemSeconds() / cpu : 0);
        }
    }

    /**
     * Collects phase durations, the optimisation's step count and the process counters of its
     * steps after the first from the listener. The optimisation is split into its first step
     * (TensorFlow prepares the step's execution on its first run) and the steps after it.
     */
    private static final class Timing implements AnalysisListener {
        static final String FIRST_STEP = "first optimisation step";
        static final String LATER_STEPS = "optimisation steps after the first";

        final Map<String, Double> phases = new LinkedHashMap<>();
        String current;
        long since;
        ProcessCounters countersSince = ProcessCounters.UNKNOWN;
        ProcessCounters stepCounters = ProcessCounters.UNKNOWN;
        int steps;
        double total;

        @Override
        public void phase(String description) {
            long now = System.nanoTime();
            ProcessCounters counters = ProcessCounters.now();
            if (current != null) {
                phases.merge(current, (now - since) / 1e9, Double::sum);
                if (current.equals(LATER_STEPS)) {
                    stepCounters = counters.since(countersSince);
                }
            }
            current = InformationDiscarding.PHASE_OPTIMISE.equals(description) ? FIRST_STEP : description;
            since = now;
            countersSince = counters;
        }

        @Override
        public void step(StepEvent e) {
            steps = Math.max(steps, e.step());
            if (FIRST_STEP.equals(current)) {
                phase(LATER_STEPS);
            }
        }

        double msPerStep() {
            return 1000 * phases.getOrDefault(LATER_STEPS, 0.0) / Math.max(1, steps - 1);
        }
    }
}
