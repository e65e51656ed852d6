package org.sieve.zoo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.Analyzer;
import org.sieve.image.ForegroundMask;
import org.sieve.image.ImageLoader;
import org.sieve.image.ModelInput;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.model.Model;
import org.sieve.network.Conv2D;
import org.sieve.network.Layer;

/**
 * METHOD.md section 5, check 5: for the trained digit classifier, background cells end with
 * higher mean entropy than stroke cells at every convolution layer.
 */
@Tag("zoo")
class DigitForegroundTest {

    @ParameterizedTest
    @ValueSource(strings = {"0-7.png", "1-2.png", "2-1.png", "3-0.png"})
    void backgroundDiscardsMoreThanStrokes(String digit) {
        Model model = BundledModelsTest.bundledCatalogue().resolve("lenet5-mnist");
        PreparedImage image = ImageLoader.load(Path.of("sample-images", "mnist", digit), new ModelInput(28, 28, 1),
                ResizeMode.STRETCH);
        List<String> convs = model.network().analysableLayers().stream().filter(l -> l instanceof Conv2D)
                .map(Layer::name).toList();
        DiscardingSettings settings = DiscardingSettings.defaults().toBuilder().maxSteps(120).build();
        try (Analyzer analyzer = new Analyzer()) {
            var result = analyzer.run(new AnalysisRequest(model, image, convs, ForegroundMask.auto(image), settings),
                    AnalysisListener.NONE, () -> false);
            for (LayerResult l : result.discarding().layers()) {
                var fg = l.foreground();
                System.out.printf("%s %s: stroke %.3f, background %.3f nats/dim%n", digit, l.name(),
                        fg.foregroundEntropy(), fg.backgroundEntropy());
                assertTrue(fg.backgroundEntropy() > fg.foregroundEntropy(), digit + " " + l.name());
            }
        }
    }
}
