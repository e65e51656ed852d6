package org.sieve.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.Analyzer;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.network.Layer;
import org.sieve.network.format.Model;

/**
 * Metric 2 on the bundled LeNet-5 with its shipped decoders (METHOD.md section 3): the
 * reconstruction uncertainty grows with depth, and the constraint holds as for metric 1.
 *
 * <p>Tolerance for "grows with depth": every layer's r-bar may fall below the highest r-bar of
 * the layers before it by at most {@link #DEPTH_SLACK} nats/dim, and the output layer lies at
 * least {@link #RISE} above the first. The slack is needed because pooling layers come out
 * 0.3-0.38 nats below the convolution before them (measured on 0-7 and 2-1): their decoders,
 * starting from a smaller map, have one residual block more and rebuild the flat background
 * more exactly, which the log of the squared error rewards, though both have the same held-out
 * MSE (0.0095).
 */
class ReconstructionUncertaintyTest {

    static final double DEPTH_SLACK = 0.45;
    static final double RISE = 0.3;
    static final double CONSTRAINT_TOLERANCE = 0.10;

    @ParameterizedTest
    @ValueSource(strings = {"0-7.png", "2-1.png"})
    void growsWithDepthOnTheConstraint(String digit) {
        Model model = BundledModelsTest.bundledCatalogue().resolve("lenet5-mnist");
        PreparedImage image = ImageLoader.load(Path.of("sample-images", "mnist", digit), 28, 28, 1,
                ResizeMode.STRETCH);
        List<String> layers = model.network().analysableLayers().stream().map(Layer::name).toList();
        DiscardingSettings settings = DiscardingSettings.defaults().toBuilder().maxSteps(100)
                .metric(Metric.RECONSTRUCTION_UNCERTAINTY).build();
        try (Analyzer analyzer = new Analyzer()) {
            var result = analyzer.run(new AnalysisRequest(model, image, layers, null, settings),
                    AnalysisListener.NONE, () -> false);
            double highest = Double.NEGATIVE_INFINITY;
            List<LayerResult> ls = result.discarding().layers();
            for (LayerResult l : ls) {
                System.out.printf("%s %s: r %.3f nats/dim, D/D0 %.3f, converged %s%n", digit, l.name(),
                        l.entropyPerDim(), l.distortionRatio(), l.converged());
                assertTrue(l.ok(), l.name() + ": " + l.failure());
                assertEquals(1.5, l.distortionRatio(), 1.5 * CONSTRAINT_TOLERANCE, l.name() + " D/D0");
                assertNotNull(l.reconstruction(), l.name() + " has its reconstruction");
                assertEquals(28 * 28, l.reconstruction().length);
                assertTrue(l.entropyPerDim() >= highest - DEPTH_SLACK, l.name() + " r " + l.entropyPerDim()
                        + " falls more than " + DEPTH_SLACK + " below an earlier layer's " + highest);
                highest = Math.max(highest, l.entropyPerDim());
            }
            double rise = ls.get(ls.size() - 1).entropyPerDim() - ls.get(0).entropyPerDim();
            assertTrue(rise >= RISE, "r rises from the first to the last layer by " + rise);
        }
    }

    /**
     * The optimisation does its job: after it, each layer's r-bar is at least what a uniform sigma
     * on the same constraint gives (a one-step run, whose level the final calibration sets to
     * tau), within the 0.01-nat noise of the 64-draw estimate, and conv1's clearly above it
     * (measured: +0.14 nats; the deeper layers gain 0.01-0.02).
     */
    @org.junit.jupiter.api.Test
    void optimisingRaisesTheUncertaintyAboveAUniformSigma() {
        Model model = BundledModelsTest.bundledCatalogue().resolve("lenet5-mnist");
        PreparedImage image = ImageLoader.load(Path.of("sample-images", "mnist", "0-7.png"), 28, 28, 1,
                ResizeMode.STRETCH);
        List<String> layers = List.of("conv1", "logits");
        DiscardingSettings ru = DiscardingSettings.defaults().toBuilder().metric(Metric.RECONSTRUCTION_UNCERTAINTY)
                .build();
        try (Analyzer analyzer = new Analyzer()) {
            var uniform = analyzer.run(new AnalysisRequest(model, image, layers, null,
                    ru.toBuilder().maxSteps(1).build()), AnalysisListener.NONE, () -> false).discarding().layers();
            var optimised = analyzer.run(new AnalysisRequest(model, image, layers, null,
                    ru.toBuilder().maxSteps(120).build()), AnalysisListener.NONE, () -> false).discarding().layers();
            for (int l = 0; l < layers.size(); l++) {
                double gain = optimised.get(l).entropyPerDim() - uniform.get(l).entropyPerDim();
                System.out.printf("%s: r uniform %.3f, optimised %.3f%n", layers.get(l),
                        uniform.get(l).entropyPerDim(), optimised.get(l).entropyPerDim());
                assertTrue(gain >= -0.01, layers.get(l) + " lost " + gain + " nats by optimising");
            }
            assertTrue(optimised.get(0).entropyPerDim() - uniform.get(0).entropyPerDim() >= 0.05, "conv1 gains");
        }
    }
}
