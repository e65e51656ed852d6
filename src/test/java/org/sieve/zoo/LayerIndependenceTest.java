package org.sieve.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.Analyzer;
import org.sieve.image.ImageLoader;
import org.sieve.image.ModelInput;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.model.Model;

/**
 * A layer's result is a function of (model, image, layer, settings) alone: the bundled LeNet-5's
 * conv2 comes out bit for bit the same analysed alone, with a shallower and a deeper companion,
 * and with every layer, for both metrics. (The cache's side of the promise is in CachingTest.)
 */
@Tag("zoo")
class LayerIndependenceTest {

    @ParameterizedTest
    @EnumSource(Metric.class)
    void aLayerIsTheSameWhicheverLayersComeWithIt(Metric metric) {
        Model model = BundledModelsTest.bundledCatalogue().resolve("lenet5-mnist");
        PreparedImage image = ImageLoader.load(Path.of("sample-images", "mnist", "0-7.png"), new ModelInput(28, 28, 1),
                ResizeMode.STRETCH);
        DiscardingSettings settings = DiscardingSettings.defaults().toBuilder().maxSteps(40).metric(metric).build();
        List<List<String>> sets = List.of(List.of("conv2"), List.of("conv1", "conv2", "fc1"),
                List.of("conv1", "pool1", "conv2", "pool2", "flatten", "fc1", "fc2", "logits"));
        try (Analyzer analyzer = new Analyzer()) {
            LayerResult alone = conv2(analyzer, model, image, sets.get(0), settings);
            assertTrue(alone.ok(), alone.failure());
            for (List<String> set : sets.subList(1, sets.size())) {
                LayerResult together = conv2(analyzer, model, image, set, settings);
                for (int row = 0; row < alone.sigma().length; row++) {
                    assertArrayEquals(alone.sigma()[row], together.sigma()[row], 0f,
                            "conv2's sigma row " + row + " with " + set);
                    assertArrayEquals(alone.entropyMap()[row], together.entropyMap()[row], 0f,
                            "conv2's map row " + row + " with " + set);
                }
                assertEquals(alone.entropyPerDim(), together.entropyPerDim(), 0, "conv2's mean with " + set);
                assertEquals(alone.distortionRatio(), together.distortionRatio(), 0, "conv2's D/D0 with " + set);
                assertEquals(alone.steps(), together.steps(), "conv2 stops at its own step with " + set);
            }
        }
    }

    private static LayerResult conv2(Analyzer analyzer, Model model, PreparedImage image, List<String> layers,
            DiscardingSettings settings) {
        return analyzer.run(new AnalysisRequest(model, image, layers, null, settings), AnalysisListener.NONE,
                () -> false).discarding().layers().stream().filter(l -> l.name().equals("conv2")).findFirst()
                .orElseThrow();
    }
}
