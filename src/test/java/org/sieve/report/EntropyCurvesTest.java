package org.sieve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.AnalysisResult;
import org.sieve.metrics.DiscardingResult;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;

/**
 * The overlaid curves pair the panels' layers by name, leave gaps where a layer has no value, and
 * name the quantity each panel's metric measures.
 */
class EntropyCurvesTest {

    private static LayerResult layer(String name, double h) {
        return new LayerResult(name, new long[] {1}, h, h * 784, h, 1.5, 1, true, 0, 10, 1, null, null, null, null, null);
    }

    @Test
    void valuesFollowLayerOrderWithGapsForMissingAndFailedLayers() {
        List<LayerResult> layers = List.of(layer("conv1", -3), LayerResult.failed("conv2", new long[] {1}, 0, 0, "x"));
        double[] v = EntropyCurves.values(layers, List.of("conv1", "conv2", "fc1"), EntropyCurves.Kind.RAW);
        assertEquals(-3, v[0]);
        assertTrue(Double.isNaN(v[1]), "failed layer: gap");
        assertTrue(Double.isNaN(v[2]), "beyond this panel's layers: gap");
        assertTrue(Double.isNaN(EntropyCurves.Kind.FOREGROUND.of(layers.get(0))), "no foreground without a mask");
    }

    @Test
    void panelsArePairedByLayerNameAndUnpairedLayersSaySo() {
        // LeNet-5 against a network with an extra pooling layer: position would pair pool1 with conv2.
        SheetPanel a = panel("A", List.of(layer("conv1", -3), layer("conv2", -2), layer("fc1", -1)));
        SheetPanel b = panel("B", List.of(layer("conv1", -3.5), layer("pool1", -3), layer("conv2", -2.5),
                layer("fc9", -0.5)));
        List<SheetPanel> both = List.of(a, b);
        assertEquals(List.of("conv1", "pool1", "conv2", "fc9", "fc1"), EntropyCurves.columns(both));
        assertEquals(List.of("conv1", "pool1 (B only)", "conv2", "fc9 (B only)", "fc1 (A only)"),
                EntropyCurves.labels(both));
        List<EntropyCurves.Curve> curves = EntropyCurves.curves(both);
        double[] rawA = curves.get(0).values();
        double[] rawB = curves.get(2).values();
        assertEquals(-2, rawA[2], "A's conv2 in conv2's column");
        assertEquals(-2.5, rawB[2], "B's conv2 in the same column");
        assertTrue(Double.isNaN(rawA[1]) && Double.isNaN(rawB[4]), "no value where a panel lacks the layer");
        assertEquals(List.of("conv1", "conv2", "fc1"), EntropyCurves.labels(List.of(a, a)), "the same layers: names");
    }

    @Test
    void wordsFollowTheMetricOfThePanels() {
        SheetPanel one = panel("A", Metric.INFORMATION_DISCARDING);
        SheetPanel two = panel("B", Metric.RECONSTRUCTION_UNCERTAINTY);
        assertEquals("Layer-wise entropy (higher: more information discarded)", EntropyCurves.title(List.of(one)));
        assertEquals("h̄ (nats/dim)", EntropyCurves.axis(List.of(one)));
        assertEquals("h̄", EntropyCurves.legend(one));
        assertEquals("Layer-wise reconstruction uncertainty (higher: more information discarded)",
                EntropyCurves.title(List.of(two)));
        assertEquals("r̄ (nats/dim)", EntropyCurves.axis(List.of(two)));
        assertEquals("r̄ reconstruction uncertainty", EntropyCurves.legend(two));
        assertEquals("envelope", EntropyCurves.envelopeLegend(one));
        assertTrue(EntropyCurves.envelopeLegend(two).contains("can dip"), "metric 2's measured dips are named");
        assertEquals("h̄, r̄ (nats/dim)", EntropyCurves.axis(List.of(two, one)),
                "panels analysed with different metrics");
    }

    /** A panel with these layers' results. */
    static SheetPanel panel(String label, List<LayerResult> layers) {
        AnalysisRequest request = new AnalysisRequest(null, null, layers.stream().map(LayerResult::name).toList(),
                null, DiscardingSettings.defaults());
        return new SheetPanel(label, label, new AnalysisResult(request, new DiscardingResult(null, layers), 0));
    }

    /** A panel with one layer whose result says which metric measured it; the sheet's words need no more. */
    static SheetPanel panel(String label, Metric metric) {
        DiscardingSettings settings = DiscardingSettings.defaults().toBuilder().metric(metric).build();
        AnalysisRequest request = new AnalysisRequest(null, null, List.of("conv1"), null, settings);
        LayerResult conv1 = new LayerResult("conv1", new long[] {1}, -3, -3 * 784, -3, 1.5, 1, true, 0, 10, 1, null,
                new float[][] {{metric == Metric.INFORMATION_DISCARDING ? -4 : 2, -1}}, null, null, null);
        return new SheetPanel(label, label, new AnalysisResult(request, new DiscardingResult(null, List.of(conv1)), 0));
    }
}
