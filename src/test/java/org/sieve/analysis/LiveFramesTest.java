package org.sieve.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.image.ImageLoader;
import org.sieve.image.ModelInput;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.model.Model;
import org.sieve.network.format.ModelCatalogue;

/** Live frames with their fewer draws per step still show a digit's strokes kept and its background discarded. */
class LiveFramesTest {

    @Test
    void fewerDrawsPerStepStillSeparateTheStrokesFromTheBackground() {
        Model model = new ModelCatalogue(Path.of("assets", "models"), List.of()).resolve("lenet5-mnist");
        PreparedImage seven = ImageLoader.load(Path.of("sample-images", "mnist", "0-7.png"), new ModelInput(28, 28, 1),
                ResizeMode.STRETCH);
        try (LiveFrames frames = new LiveFrames(model, List.of("conv1", "conv2", "logits"),
                DiscardingSettings.defaults())) {
            frames.prepare();
            LiveFrames.Frame last = null;
            for (int f = 0; f < 10; f++) {
                last = frames.frame(seven);
            }
            assertEquals(LiveFrames.DRAWS, last.result().request().settings().draws(),
                    "the frame says the draws it used");
            for (LayerResult r : last.result().discarding().layers()) {
                double background = 0;
                double strokes = 0;
                int nb = 0;
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        double s = Math.log(r.sigma()[y * r.sigma().length / 28][x * r.sigma()[0].length / 28]);
                        if (seven.pixels()[y * 28 + x] > 0.5f) {
                            strokes += s;
                        } else {
                            background += s;
                            nb++;
                        }
                    }
                }
                background /= nb;
                strokes /= 28 * 28 - nb;
                assertTrue(background > strokes, r.name() + ": background " + background + ", strokes " + strokes);
            }
        }
    }
}
