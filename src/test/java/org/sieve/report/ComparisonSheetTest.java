package org.sieve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sieve.analysis.ResultFiles;
import org.sieve.metrics.Metric;
import org.sieve.render.ColourScale;

/** Maps of different metrics never share a colour scale: entropy and reconstruction uncertainty differ. */
class ComparisonSheetTest {

    @Test
    void oneScalePerMetricWithItsLabel() {
        Map<Metric, ColourScale> scales = ComparisonSheet.sharedScales(List.of(
                EntropyCurvesTest.panel("A", Metric.INFORMATION_DISCARDING).result(),
                EntropyCurvesTest.panel("B", Metric.RECONSTRUCTION_UNCERTAINTY).result()));
        ColourScale h = scales.get(Metric.INFORMATION_DISCARDING);
        ColourScale r = scales.get(Metric.RECONSTRUCTION_UNCERTAINTY);
        assertEquals(ResultFiles.ENTROPY_LABEL, h.label());
        assertEquals(-4, h.min());
        assertEquals(-1, h.max());
        assertEquals(ResultFiles.UNCERTAINTY_LABEL, r.label());
        assertEquals(-1, r.min());
        assertEquals(2, r.max());
    }
}
