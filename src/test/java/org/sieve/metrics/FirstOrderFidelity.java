package org.sieve.metrics;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sieve.analysis.SettingsResolver;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;
import org.sieve.model.Model;
import org.sieve.network.format.ModelCatalogue;

/**
 * Writes what fidelity is measured against: per layer, the maps of h of a long-budget solution
 * (sigma0 start, every layer all of {@code steps} steps, no convergence stop) and of the
 * first-order solution alone, as JSON; {@code scripts/fidelity.py} compares analyses' result.json
 * with it. A command, not a test (minutes on a photo network):
 *
 * <pre>java -cp "target/test-classes:target/classes:target/lib/*" org.sieve.metrics.FirstOrderFidelity \
 *     MODEL IMAGE LAYERS|all x,y,w,h|- STEPS OUT.json</pre>
 */
public final class FirstOrderFidelity {

    private FirstOrderFidelity() {
    }

    public static void main(String[] args) throws java.io.IOException {
        Model model = new ModelCatalogue(Path.of("assets", "models"), List.of()).resolve(args[0]);
        var meta = model.metadata();
        RequestedRegion region = args[3].equals("-") ? null : RequestedRegion.parse(args[3]);
        PreparedImage image = ImageLoader.load(Path.of(args[1]), meta.input(), ResizeMode.STRETCH, region);
        List<String> layers = args[2].equals("all")
                ? model.network().analysableLayers().stream().map(l -> l.name()).toList()
                : Arrays.asList(args[2].split(","));
        int steps = Integer.parseInt(args[4]);
        DiscardingSettings settings = SettingsResolver.resolve(DiscardingSettings.defaults(), meta, layers.size());
        float[] mean = meta.normalizationMean();
        float[] std = meta.normalizationStd();
        ApproximateMaps start = new ApproximateMaps();
        long begin = System.nanoTime();
        try (var metric = new InformationDiscarding(model.network(), mean, std)) {
            metric.analyse(image.pixels(), layers, settings, start, () -> start.sigma.size() == layers.size());
        } catch (AnalysisCancelledException e) {
            // Stopped once every layer's approximate map was seen: only that is wanted.
        }
        System.out.printf("approximate maps of %d layers %.2f s after the analysis began (graph build included)%n",
                layers.size(), (System.nanoTime() - begin) / 1e9);
        DiscardingResult full;
        try (var metric = new InformationDiscarding(model.network(), mean, std).fullBudget()) {
            full = metric.analyse(image.pixels(), layers, settings.toBuilder().maxSteps(steps).build(),
                    AnalysisListener.NONE, () -> false);
        }
        StringBuilder json = new StringBuilder("{");
        for (LayerResult f : full.layers()) {
            json.append(json.length() > 1 ? ",\n" : "\n").append('"').append(f.name()).append("\": {\"steps\": ")
                    .append(f.steps()).append(", \"converged\": ").append(f.converged())
                    .append(", \"distortionRatio\": ").append(f.distortionRatio())
                    .append(", \"full\": ").append(Arrays.toString(entropy(f.sigma())))
                    .append(", \"first\": ").append(Arrays.toString(entropy(start.sigma.get(f.name())))).append('}');
        }
        java.nio.file.Files.writeString(Path.of(args[5]), json.append("\n}\n"));
    }

    static float[] entropy(float[][] sigma) {
        float[] h = new float[sigma.length * sigma[0].length];
        for (int r = 0; r < sigma.length; r++) {
            for (int c = 0; c < sigma[r].length; c++) {
                h[r * sigma[r].length + c] = (float) (Math.log(sigma[r][c]) + EntropyObjective.GAUSSIAN_ENTROPY_OFFSET);
            }
        }
        return h;
    }

}
