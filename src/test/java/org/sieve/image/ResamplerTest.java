package org.sieve.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void fractionalCoverageIsExact() {
        // Three source pixels onto two: each output covers 1.5 pixels.
        Resampler.Axis axis = Resampler.axis(0, 3, 2);
        assertArrayEquals(new int[] {0, 1}, axis.index()[0]);
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, axis.weight()[0], 1e-15);
        assertArrayEquals(new int[] {1, 2}, axis.index()[1]);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, axis.weight()[1], 1e-15);
        assertEquals(Resampler.AREA, axis.method());
    }

    @Test
    void shrinkingPreservesTheMean() {
        float[] src = new float[7 * 5];
        double sum = 0;
        for (int i = 0; i < src.length; i++) {
            src[i] = (i * 37 % 11) / 10f;
            sum += src[i];
        }
        // Whole-pixel ratios keep the mean exactly; 7->3 and 5->2 do too, by exact coverage.
        float[] out = Resampler.apply(src, 5, 1, Resampler.axis(0, 7, 3), Resampler.axis(0, 5, 2));
        double outSum = 0;
        for (float v : out) {
            outSum += v;
        }
        assertEquals(sum / src.length, outSum / out.length, 1e-6);
    }

    @Test
    void offsetSelectsTheCropWindow() {
        float[] src = {0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
        float[] out = Resampler.apply(src, 6, 1, Resampler.axis(0, 1, 1), Resampler.axis(2, 2, 1));
        assertArrayEquals(new float[] {0.25f}, out, 1e-7f);
    }

    @Test
    void describesMixedAxes() {
        assertEquals("area average horizontally, bilinear vertically",
                Resampler.describe(Resampler.axis(0, 2, 4), Resampler.axis(0, 4, 2)));
        assertEquals(Resampler.NONE, Resampler.describe(Resampler.axis(0, 3, 3), Resampler.axis(0, 3, 3)));
    }
}
