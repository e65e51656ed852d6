package org.sieve.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColourScaleTest {

    @Test
    void sharedSpansEveryMapAndSkipsNaN() {
        float[][] a = {{1f, 2f}, {Float.NaN, 3f}};
        float[][] b = {{-4f}, {0.5f}};
        ColourScale s = ColourScale.shared("h (nats)", a, b);
        assertEquals(-4, s.min());
        assertEquals(3, s.max());
        assertEquals("h (nats)", s.label());
        assertEquals(0.5, s.normalise(-0.5), 1e-12);
        assertEquals(0, s.normalise(-10));
        assertEquals(1, s.normalise(10));
        assertTrue(Double.isNaN(s.normalise(Double.NaN)));
    }

    @Test
    void constantMapIsWidened() {
        ColourScale s = ColourScale.shared("x", new float[][] {{2f, 2f}});
        assertEquals(1e-6, s.max() - s.min(), 1e-9);
        assertEquals(0.5, s.normalise(2), 1e-6);
    }

    @Test
    void ticksShowEnoughDecimals() {
        assertEquals("-1.23", new ColourScale(-2, 0, "x").format(-1.234));
        assertEquals("0.0123", new ColourScale(0, 0.05, "x").format(0.01234));
    }

    @Test
    void robustRangeIgnoresAFewExtremeCellsAndSaysSo() {
        float[][] map = new float[10][10];
        for (int i = 0; i < 100; i++) {
            map[i / 10][i % 10] = -3f + i * 0.01f;
        }
        map[0][0] = -4.82f;
        map[9][9] = 0.63f;
        ColourScale full = ColourScale.shared("h", map);
        ColourScale robust = ColourScale.robust("h", 2, 98, map);
        assertEquals(-4.82, full.min(), 1e-6);
        assertEquals(0.63, full.max(), 1e-6);
        assertTrue(robust.min() > -3.0 && robust.max() < -2.0, robust.toString());
        assertTrue(robust.clipsLow() && robust.clipsHigh());
        assertTrue(!full.clipsLow() && !full.clipsHigh());
        assertTrue(robust.clipped(0.63) && !robust.clipped(-2.5));
    }

    @Test
    void typedRangeMarksOnlyTheSideThatIsExceeded() {
        ColourScale s = ColourScale.typed("h", -5, 0, new float[][] {{-3f, 0.5f}});
        assertEquals(-5, s.min());
        assertTrue(s.clipsHigh() && !s.clipsLow());
    }

    @Test
    void ticksAreRoundValuesInsideTheRange() {
        assertEquals(java.util.List.of(-3.5, -3.0, -2.5, -2.0, -1.5), new ColourScale(-3.52, -1.2, "h").ticks());
        assertEquals(java.util.List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), new ColourScale(0, 1, "h").ticks());
    }
}
