package org.sieve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sieve.render.ColourScale;

class ColourRangeTest {

    @Test
    void everyChoiceReadsBackFromItsId() {
        for (ColourRange r : ColourRange.PRESETS) {
            assertEquals(r, ColourRange.parse(r.id()));
        }
        ColourRange typed = ColourRange.parse("-4.5,-1");
        assertEquals(ColourRange.Extent.TYPED, typed.extent());
        assertEquals(-4.5, typed.min());
        assertEquals(typed, ColourRange.parse(typed.id()));
        assertEquals("robust", ColourRange.DEFAULT.id());
    }

    @Test
    void theDefaultIsRobustAndSharedAndMarksOutliers() {
        float[][] map = new float[10][10];
        for (int i = 0; i < 100; i++) {
            map[i / 10][i % 10] = -3f + i * 0.005f;
        }
        map[0][0] = 0.63f;
        ColourScale s = ColourRange.DEFAULT.scale("h", map);
        assertTrue(s.max() < -2.4 && s.clipsHigh(), s.toString());
    }

    @Test
    void wrongRangesAreExplained() {
        var reversed = assertThrows(IllegalArgumentException.class, () -> ColourRange.parse("-1,-4"));
        assertTrue(reversed.getMessage().contains("lower end first"), reversed.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> ColourRange.parse("rainbow"));
        assertTrue(unknown.getMessage().contains(ColourRange.SYNTAX), unknown.getMessage());
    }
}
