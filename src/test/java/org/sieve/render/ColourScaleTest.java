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
}
