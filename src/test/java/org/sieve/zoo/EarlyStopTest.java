package org.sieve.zoo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.Analyzer;
import org.sieve.image.ImageLoader;
import org.sieve.image.ModelInput;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.model.Model;

/**
 * A layer stops before the step budget only once it has converged by the report's own test
 * (METHOD.md: entropy change under 1 % over the last 20 % of the steps, the constraint met): its
 * settling tail must not leave it stopped yet reported unconverged. On the digit 2-1 the bundled
 * LeNet-5's fc2 and logits used to stop at 76 and 75 of 200 steps, unconverged.
 */
@Tag("zoo")
class EarlyStopTest {

    @Test
    void aLayerThatStopsEarlyHasConverged() {
        Model model = BundledModelsTest.bundledCatalogue().resolve("lenet5-mnist");
        DiscardingSettings settings = DiscardingSettings.defaults();
        List<String> layers = List.of("conv1", "pool1", "conv2", "pool2", "flatten", "fc1", "fc2", "logits");
        try (Analyzer analyzer = new Analyzer()) {
            for (String digit : List.of("2-1", "0-7")) {
                PreparedImage image = ImageLoader.load(Path.of("sample-images", "mnist", digit + ".png"),
                        new ModelInput(28, 28, 1),
                        ResizeMode.STRETCH);
                for (LayerResult l : analyzer.run(new AnalysisRequest(model, image, layers, null, settings),
                        AnalysisListener.NONE, () -> false).discarding().layers()) {
                    assertTrue(l.ok(), l.failure());
                    assertTrue(l.steps() == settings.maxSteps() || l.converged(), digit + ": " + l.name()
                            + " stopped at step " + l.steps() + " of " + settings.maxSteps() + " unconverged (D/D0 "
                            + l.distortionRatio() + ")");
                }
            }
        }
    }
}
