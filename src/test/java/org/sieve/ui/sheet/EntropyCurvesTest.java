package org.sieve.ui.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.metrics.LayerResult;

/** The overlaid curves line panels up by layer position and leave gaps where a layer has no value. */
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
}
