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
 * The overlaid curves line panels up by layer position, leave gaps where a layer has no value, and
 * name the quantity each panel's metric measures.
 */
class EntropyCurvesTest {

    private static LayerResult layer(String name, double h) {
        return new LayerResult(name, new long[] {1}, h, h * 784, h, 1.5, 1, true, 0, 10, 1, null, null, null, null, null);
    }

    @Test
    void valuesFollowLayerOrderWithGapsForMissingAndFailedLayers() {
        List<LayerResult> layers = List.of(layer("conv1", -3), LayerResult.failed("conv2", new long[] {1}, 0, 0, "x"));
        double[] v = EntropyCurves.values(layers, 3, EntropyCurves.Kind.RAW);
        assertEquals(-3, v[0]);
        assertTrue(Double.isNaN(v[1]), "failed layer: gap");
        assertTrue(Double.isNaN(v[2]), "beyond this panel's layers: gap");
        assertTrue(Double.isNaN(EntropyCurves.Kind.FOREGROUND.of(layers.get(0))), "no foreground without a mask");
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

    /** A panel with one layer whose result says which metric measured it; the sheet's words need no more. */
    static SheetPanel panel(String label, Metric metric) {
        DiscardingSettings settings = DiscardingSettings.defaults().toBuilder().metric(metric).build();
        AnalysisRequest request = new AnalysisRequest(null, null, List.of("conv1"), null, settings);
        LayerResult conv1 = new LayerResult("conv1", new long[] {1}, -3, -3 * 784, -3, 1.5, 1, true, 0, 10, 1, null,
                new float[][] {{metric == Metric.INFORMATION_DISCARDING ? -4 : 2, -1}}, null, null, null);
        return new SheetPanel(label, label, new AnalysisResult(request, new DiscardingResult(null, List.of(conv1)), 0));
    }
}
