package org.sieve.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.image.ImageLoader;
import org.sieve.image.ModelInput;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.model.Model;
import org.sieve.network.format.ModelCatalogue;

/** Live mode: frames warm-start from the previous one, so the maps converge while the image holds still. */
class LiveDiscardingTest {

    private static final DiscardingSettings SETTINGS = DiscardingSettings.defaults();

    @Test
    void ignoredCellsClimbFrameByFrameAndRestartGoesBackToSigma0() {
        int n = TestNetworks.SIZE;
        boolean[] keep = new boolean[n * n];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = i % n < n / 2;
        }
        try (var metric = new InformationDiscarding(TestNetworks.masking(keep), new float[] {0f}, new float[] {1f})) {
            LiveDiscarding live = metric.live(List.of("masked"), SETTINGS);
            double[] ignored = new double[12];
            double[] kept = new double[12];
            for (int f = 0; f < ignored.length; f++) {
                LayerResult r = live.frame(TestNetworks.image()).layers().get(0);
                assertFalse(r.converged(), "a live frame is approximate");
                ignored[f] = meanLog(r.sigma(), keep, false);
                kept[f] = meanLog(r.sigma(), keep, true);
            }
            // Each frame takes 4 steps of at most ~0.1 in log sigma: the ignored half climbs steadily.
            for (int f = 1; f < ignored.length; f++) {
                assertTrue(ignored[f] > ignored[f - 1] || ignored[f] >= -1e-4,
                        "frame " + f + ": " + ignored[f] + " after " + ignored[f - 1]);
            }
            assertTrue(ignored[11] >= -1e-4, "the ignored half reaches the upper bound, at " + ignored[11]);
            assertTrue(ignored[0] < -2, "one frame does not get there: " + ignored[0]);
            assertTrue(ignored[11] - kept[11] > 2.0, "ignored " + ignored[11] + ", kept " + kept[11]);
            assertEquals(12, live.frames());

            live.restart();
            double afterRestart = meanLog(live.frame(TestNetworks.image()).layers().get(0).sigma(), keep, false);
            assertTrue(afterRestart < ignored[2], "after a restart " + afterRestart + ", before " + ignored[11]);
        }
    }

    @Test
    void aDigitsBackgroundDiscardsMoreThanItsStrokesAfterAFewFrames() {
        Model model = new ModelCatalogue(Path.of("assets", "models"), List.of()).resolve("lenet5-mnist");
        PreparedImage image = ImageLoader.load(Path.of("sample-images", "mnist", "0-7.png"), new ModelInput(28, 28, 1),
                ResizeMode.STRETCH);
        boolean[] stroke = new boolean[28 * 28];
        for (int i = 0; i < stroke.length; i++) {
            stroke[i] = image.pixels()[i] > 0.5f;
        }
        try (var metric = new InformationDiscarding(model.network(), model.metadata().normalizationMean(),
                model.metadata().normalizationStd())) {
            List<String> layers = List.of("conv1", "conv2", "logits");
            LiveDiscarding live = metric.live(layers, SETTINGS);
            DiscardingResult last = null;
            for (int f = 0; f < 10; f++) {
                last = live.frame(image.pixels());
            }
            for (LayerResult r : last.layers()) {
                System.out.printf("live %s: D/D0 %.2f, h %.3f%n", r.name(), r.distortionRatio(), r.entropyPerDim());
                double background = meanLog(r.sigma(), stroke, false);
                double strokes = meanLog(r.sigma(), stroke, true);
                assertTrue(background > strokes, r.name() + ": background " + background + ", strokes " + strokes);
                assertTrue(Math.abs(r.distortionRatio() - SETTINGS.tau()) / SETTINGS.tau() < 0.35,
                        r.name() + " D/D0 " + r.distortionRatio());
            }
        }
    }

    /** Mean log sigma over the cells where {@code which} equals {@code value}. */
    private static double meanLog(float[][] sigma, boolean[] which, boolean value) {
        double sum = 0;
        int count = 0;
        int columns = sigma[0].length;
        for (int i = 0; i < which.length; i++) {
            if (which[i] == value) {
                sum += Math.log(sigma[i / columns][i % columns]);
                count++;
            }
        }
        return sum / count;
    }
}
