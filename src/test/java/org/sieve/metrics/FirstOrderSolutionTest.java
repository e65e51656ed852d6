package org.sieve.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Metric 1's first-order solution: its closed form, how near the constraint it lands, and that it stays an approximation. */
class FirstOrderSolutionTest {

    private static final DiscardingSettings SETTINGS = DiscardingSettings.defaults();
    private static final List<String> LENET_LAYERS = List.of("conv1", "conv2", "fc1", "logits");

    @Test
    void closedFormGivesEveryCellTheSameShareOfTheBudget() {
        double[] a = {1, 4, 16, 0.25};
        float[] logSigma = FirstOrderSolution.closedForm(a, 0.04, 1e-4, 1);
        for (int g = 0; g < a.length; g++) {
            assertEquals(0.01, Math.exp(2 * logSigma[g]) * a[g], 1e-6, "cell " + g + "'s share");
        }
    }

    @Test
    void cellsPastTheUpperClampAreHeldThereAndTheOthersShareWhatIsLeft() {
        // An ignored cell (no energy) and one so weak that its share would need sigma > 1.
        double[] a = {0, 0.001, 1, 1};
        float[] logSigma = FirstOrderSolution.closedForm(a, 0.2, 1e-4, 1);
        assertEquals(0, logSigma[0], 1e-6);
        assertEquals(0, logSigma[1], 1e-6);
        double left = (0.2 - 0.001) / 2;
        assertEquals(0.5 * Math.log(left), logSigma[2], 1e-5);
        assertEquals(logSigma[2], logSigma[3], 1e-6);
    }

    @Test
    void theProbesNoiseIsShrunkOutOfALayerThatWeighsAllCellsAlike() {
        java.util.Random random = new java.util.Random(1);
        int probes = 8;
        double[] a = new double[784];
        for (int g = 0; g < a.length; g++) {
            for (int p = 0; p < probes; p++) {
                double v = random.nextGaussian();
                a[g] += v * v / probes;
            }
        }
        a[0] = 0;
        double[] shrunk = FirstOrderSolution.shrunk(a, probes);
        assertEquals(0, shrunk[0], "a cell without energy keeps none");
        double before = logSpread(a);
        double after = logSpread(shrunk);
        assertTrue(after < 0.25 * before, "spread of log a " + before + " shrunk to " + after);
        assertEquals(Math.PI * Math.PI / 2, FirstOrderSolution.trigamma(0.5), 1e-7);
        assertEquals(0.28382295573711533, FirstOrderSolution.trigamma(4), 1e-7);
        double[] spread = {1, 100, 10000};
        assertEquals(100, FirstOrderSolution.shrunk(spread, 64)[1] / FirstOrderSolution.shrunk(spread, 64)[0], 2,
                "a spread far beyond the probes' noise is kept");
    }

    @Test
    void onLeNet5TheSolutionLandsNearTheConstraint() {
        Model model = new ModelCatalogue(Path.of("assets", "models"), List.of()).resolve("lenet5-mnist");
        PreparedImage image = ImageLoader.load(Path.of("sample-images", "mnist", "0-7.png"), new ModelInput(28, 28, 1),
                ResizeMode.STRETCH);
        int runs = SETTINGS.checkDraws() / SETTINGS.draws();
        try (var graph = new SigmaGraph(model.network(), model.metadata().normalizationMean(),
                model.metadata().normalizationStd(), LENET_LAYERS, new int[] {28, 28}, SETTINGS.draws(), SETTINGS,
                (tf, img) -> new EntropyObjective(SETTINGS))) {
            graph.setImage(image.pixels());
            long[] keys = NoiseStream.layerKeys(SETTINGS.seed(), LENET_LAYERS);
            double[] d0 = graph.distortion(OptimisationRun.uniform(graph, (float) Math.log(SETTINGS.sigma0())), keys,
                    NoiseStream.D0, 0, runs);
            double[] closed = ratios(graph.distortion(FirstOrderSolution.closedForms(graph, d0, keys, SETTINGS), keys,
                    NoiseStream.CHECK, 0, runs), d0);
            double[] levelled = ratios(graph.distortion(FirstOrderSolution.of(graph, d0, keys, SETTINGS), keys,
                    NoiseStream.CHECK, 0, runs), d0);
            for (int l = 0; l < LENET_LAYERS.size(); l++) {
                System.out.printf("first-order solution %s: D/D0 %.2f closed form, %.2f levelled%n", LENET_LAYERS.get(l),
                        closed[l], levelled[l]);
                // Measured on 0-7.png (seed 0): the closed form 1.7 (conv1), 4.0, 5.8, 8.9 (logits); levelled
                // 1.54, 1.47, 1.58, 0.88. The linearisation underestimates D at the start's larger sigma,
                // the more so the more ReLUs lie between; one measured level step brings it within 2x.
                assertTrue(closed[l] > SETTINGS.tau() / 2 && closed[l] < 8 * SETTINGS.tau(),
                        LENET_LAYERS.get(l) + ": closed form D/D0 " + closed[l]);
                assertTrue(levelled[l] > SETTINGS.tau() / 2 && levelled[l] < 2 * SETTINGS.tau(),
                        LENET_LAYERS.get(l) + ": levelled D/D0 " + levelled[l]);
            }
        }
    }

    @Test
    void theApproximateMapComesFirstAndNeverAsAResult() {
        ApproximateMaps listener = new ApproximateMaps();
        List<LayerResult> results;
        try (var metric = new InformationDiscarding(TestNetworks.convStack(1f, 3), new float[] {0f},
                new float[] {1f})) {
            results = metric.analyse(TestNetworks.image(), List.of("conv1", "conv2"), SETTINGS, listener,
                    () -> false).layers();
        }
        assertEquals(java.util.Map.of("conv1", 0, "conv2", 0), listener.stepsBefore, "before the first step");
        for (LayerResult r : results) {
            assertTrue(r.steps() > 0 && r.converged(), r.name() + " is refined: " + r.steps() + " steps");
            assertFalse(java.util.Arrays.deepEquals(listener.sigma.get(r.name()), r.sigma()), r.name() + " was refined");
        }
    }

    @Test
    void theLongBudgetReferenceTakesEveryStep() {
        try (var metric = new InformationDiscarding(TestNetworks.convStack(1f, 3), new float[] {0f},
                new float[] {1f}).fullBudget()) {
            List<LayerResult> results = metric.analyse(TestNetworks.image(), List.of("conv1", "conv2"),
                    SETTINGS.toBuilder().maxSteps(90).build(), AnalysisListener.NONE, () -> false).layers();
            assertArrayEquals(new int[] {90, 90}, results.stream().mapToInt(LayerResult::steps).toArray());
        }
    }

    /** Standard deviation of log a over the cells with energy. */
    private static double logSpread(double[] a) {
        double[] logs = java.util.Arrays.stream(a).filter(e -> e > 0).map(Math::log).toArray();
        double mean = java.util.Arrays.stream(logs).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).average().orElseThrow());
    }

    private static double[] ratios(double[] distortion, double[] d0) {
        double[] out = new double[d0.length];
        for (int l = 0; l < out.length; l++) {
            out[l] = distortion[l] / d0[l];
        }
        return out;
    }
}
