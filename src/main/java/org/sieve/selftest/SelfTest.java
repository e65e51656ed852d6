package org.sieve.selftest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.InformationDiscarding;
import org.sieve.metrics.LayerResult;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelCatalogue;
import org.sieve.render.ColourMap;
import org.sieve.render.ColourScale;
import org.sieve.render.HeatmapRenderer;
import org.sieve.service.AnalysisService;
import org.sieve.service.Priority;
import org.sieve.tf.TensorFlowRuntime;

/**
 * Checks that an installed Sieve works on this machine, for support (sieve --self-test, the
 * explorer's Help menu): TensorFlow's natives load, a bundled model analyses two layers of a
 * bundled image with the default settings, every layer meets the constraint on fresh noise, and
 * a heatmap renders and encodes as PNG. These are the parts a broken package or a machine
 * lacking a library breaks. Nothing needs a display, the network or the result cache.
 */
public final class SelfTest {

    static final String MODEL = "lenet5-mnist";
    static final String IMAGE = "mnist/0-7.png";
    static final List<String> LAYERS = List.of("conv1", "conv2");
    /** How many checks a complete run makes. */
    static final int CHECKS = 6;
    /** A blank or failed drawing has a handful of colours; a heatmap with its colour bar has hundreds. */
    static final int MIN_HEATMAP_COLOURS = 64;

    private final Path models;
    private final Path samples;

    /** @param home the folder holding assets/models and sample-images (an installation's sieve.home) */
    public SelfTest(Path home) {
        this.models = home.resolve("assets").resolve("models");
        this.samples = home.resolve("sample-images");
    }

    /** The self-test of this installation: sieve.home, as the launchers set it. */
    public static SelfTest installed() {
        return new SelfTest(Path.of(System.getProperty("sieve.home", ".")));
    }

    /** Runs the checks in order and stops at the first that fails; never throws. */
    public Verdict run() {
        Steps steps = new Steps();
        try {
            steps.run("TensorFlow", TensorFlowRuntime::get, tf -> tf.version() + " loaded");
            Model model = steps.run("model", () -> new ModelCatalogue(models, List.of()).resolve(MODEL),
                    Model::id);
            ModelMetadata meta = model.metadata();
            PreparedImage image = steps.run("image", () -> ImageLoader.load(samples.resolve(IMAGE),
                    meta.input(), ResizeMode.STRETCH), i -> IMAGE);
            DiscardingSettings settings = DiscardingSettings.defaults().validated(meta.input().height(),
                    meta.input().width());
            List<LayerResult> layers = steps.run("analysis", () -> analyse(model, image, settings),
                    l -> String.join(", ", LAYERS) + " in " + l.stream().mapToInt(LayerResult::steps).max()
                            .orElse(0) + " steps");
            steps.run("constraint", () -> constraint(layers, settings.tau()), d -> d);
            steps.run("heatmap", () -> heatmap(image, layers, settings.metric().mapLabel()), d -> d);
        } catch (Stop stop) {
            // The failed check is recorded; later checks need what it would have made.
        }
        return new Verdict(steps.done);
    }

    private static List<LayerResult> analyse(Model model, PreparedImage image, DiscardingSettings settings) {
        try (AnalysisService service = new AnalysisService()) {
            List<LayerResult> layers = service.submit(new AnalysisRequest(model, image, LAYERS, null, settings),
                    Priority.INTERACTIVE).await().analysis().discarding().layers();
            for (LayerResult l : layers) {
                if (!l.ok()) {
                    throw new IllegalStateException("layer " + l.name() + " failed: " + l.failure());
                }
            }
            return layers;
        }
    }

    /** METHOD.md: each layer's D/D0 on fresh noise lies within 10 % of tau. */
    static String constraint(List<LayerResult> layers, double tau) {
        for (LayerResult l : layers) {
            if (!(Math.abs(l.distortionRatio() - tau) / tau <= InformationDiscarding.CONSTRAINT_TOLERANCE)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s has D/D0 = %.3f, more than %.0f %% from tau = %.2f", l.name(), l.distortionRatio(),
                        100 * InformationDiscarding.CONSTRAINT_TOLERANCE, tau));
            }
        }
        return String.format(Locale.ROOT, "D/D0 %s within %.0f %% of tau %.2f", layers.stream()
                .map(l -> String.format(Locale.ROOT, "%.3f", l.distortionRatio())).collect(Collectors.joining(", ")),
                100 * InformationDiscarding.CONSTRAINT_TOLERANCE, tau);
    }

    /** Draws the layers' maps as ResultFiles does, and sends them through the PNG encoder and decoder. */
    static String heatmap(PreparedImage image, List<LayerResult> layers, String label) {
        List<float[][]> maps = layers.stream().map(LayerResult::entropyMap).toList();
        ColourScale scale = ColourScale.shared(label, maps.toArray(float[][][]::new));
        List<String> names = layers.stream().map(LayerResult::name).toList();
        List<String> noSubtitles = layers.stream().map(l -> "").toList();
        BufferedImage drawn = HeatmapRenderer.renderStrip(image.grayscale(), maps, names, noSubtitles, scale,
                ColourMap.VIRIDIS, 0.75, 160);
        var png = new ByteArrayOutputStream();
        BufferedImage decoded;
        try {
            if (!ImageIO.write(drawn, "png", png)) {
                throw new IllegalStateException("no PNG encoder in this Java runtime");
            }
            decoded = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int colours = colours(decoded);
        if (colours < MIN_HEATMAP_COLOURS) {
            throw new IllegalStateException("the heatmap came out nearly blank (" + colours + " colours)");
        }
        return String.format(Locale.ROOT, "%dx%d PNG, %d colours", decoded.getWidth(), decoded.getHeight(),
                colours);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Thrown after a failed check has been recorded. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Times each check and records it, passed or failed with the reason. */
    private static final class Steps {
        final List<Check> done = new ArrayList<>();

        <T> T run(String name, Callable<T> work, Function<T, String> detail) {
            long start = System.nanoTime();
            try {
                T value = work.call();
                done.add(new Check(name, true, detail.apply(value), seconds(start)));
                return value;
            } catch (Exception | LinkageError e) {
                // LinkageError: a native library or a Java module missing from this installation.
                done.add(new Check(name, false, reason(e), seconds(start)));
                throw new Stop();
            }
        }

        private static double seconds(long start) {
            return (System.nanoTime() - start) / 1e9;
        }

        private static String reason(Throwable e) {
            String message = e.getMessage();
            return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        }
    }
}
