package org.sieve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.analysis.AnalysisResult;
import org.sieve.analysis.ResultFiles;
import org.sieve.metrics.Metric;
import org.sieve.render.ColourScale;

/** Maps of different metrics never share a colour scale; per layer, each map has its own. */
class MapScalesTest {

    @Test
    void oneScalePerMetricWithItsLabel() {
        AnalysisResult one = EntropyCurvesTest.panel("A", Metric.INFORMATION_DISCARDING).result();
        AnalysisResult two = EntropyCurvesTest.panel("B", Metric.RECONSTRUCTION_UNCERTAINTY).result();
        MapScales scales = MapScales.of(List.of(one, two), new ColourRange(ColourRange.Scope.SHARED,
                ColourRange.Extent.FULL, Double.NaN, Double.NaN));
        ColourScale h = scales.shared(one);
        ColourScale r = scales.shared(two);
        assertEquals(ResultFiles.ENTROPY_LABEL, h.label());
        assertEquals(-4, h.min());
        assertEquals(-1, h.max());
        assertEquals(ResultFiles.UNCERTAINTY_LABEL, r.label());
        assertEquals(-1, r.min());
        assertEquals(2, r.max());
    }

    @Test
    void perLayerGivesEachMapItsOwnScaleAndNoSharedOne() {
        AnalysisResult one = EntropyCurvesTest.panel("A", Metric.INFORMATION_DISCARDING).result();
        AnalysisResult other = EntropyCurvesTest.panel("B", Metric.INFORMATION_DISCARDING).result();
        MapScales scales = MapScales.of(List.of(one, other), new ColourRange(ColourRange.Scope.PER_LAYER,
                ColourRange.Extent.FULL, Double.NaN, Double.NaN));
        var a = one.discarding().layers().get(0);
        var b = other.discarding().layers().get(0);
        assertNull(scales.shared(one));
        assertNotSame(scales.of(one, a), scales.of(other, b));
        assertEquals(-4, scales.of(one, a).min());
        MapScales shared = MapScales.of(List.of(one, other), ColourRange.DEFAULT);
        assertSame(shared.of(one, a), shared.of(other, b), "shared: one scale for both panels' maps");
    }
}
