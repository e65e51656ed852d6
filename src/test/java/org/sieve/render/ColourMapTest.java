package org.sieve.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColourMapTest {

    private static double luma(int argb) {
        return 0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff);
    }

    @Test
    void viridisEndpointsMatchMatplotlib() {
        assertEquals(0xFF440154, ColourMap.VIRIDIS.argb(0));
        assertEquals(0xFFFDE725, ColourMap.VIRIDIS.argb(1));
    }

    @Test
    void valuesOutsideTheRangeAreClamped() {
        for (ColourMap map : ColourMap.values()) {
            assertEquals(map.argb(0), map.argb(-3), map.name());
            assertEquals(map.argb(1), map.argb(7), map.name());
            assertNotEquals(map.argb(0), map.argb(1), map.name());
            assertEquals(0xff, map.argb(0.37) >>> 24, map.name());
        }
    }

    @Test
    void nanIsTransparent() {
        assertEquals(0, ColourMap.INFERNO.argb(Double.NaN));
    }

    @Test
    void viridisLuminanceRisesMonotonically() {
        double previous = -1;
        for (int i = 0; i <= 1000; i++) {
            double l = luma(ColourMap.VIRIDIS.argb(i / 1000.0));
            // Channels are rounded to whole levels, which can cost up to half a level of luma.
            assertTrue(l >= previous - 0.5, "luma falls at t=" + i / 1000.0);
            previous = l;
        }
        assertTrue(luma(ColourMap.VIRIDIS.argb(1)) - luma(ColourMap.VIRIDIS.argb(0)) > 150);
    }

    @Test
    void graysRunsBlackToWhite() {
        assertEquals(0xFF000000, ColourMap.GRAYS.argb(0));
        assertEquals(0xFF808080, ColourMap.GRAYS.argb(0.5));
        assertEquals(0xFFFFFFFF, ColourMap.GRAYS.argb(1));
    }
}
