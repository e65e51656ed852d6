package org.sieve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tiles fill the box they are given: wide boxes take one row, tall ones wrap, small ones scroll. */
class TileFitTest {

    @Test
    void eightLayersOnAWideBoxTakeOneRowAsWideAsTheBox() {
        TileFit fit = TileFit.of(8, 1800, 400, 10, 100, 1, 50, 80, 720);
        assertEquals(1, fit.rows());
        assertEquals(8, fit.columns());
        assertEquals((1800 - 100 - 7 * 10) / 8.0, fit.size(), 1e-9, "the width is filled");
    }

    @Test
    void aTallBoxWrapsIntoRowsOfLargerTiles() {
        TileFit fit = TileFit.of(8, 900, 900, 10, 0, 1, 40, 80, 720);
        assertTrue(fit.rows() > 1, fit.toString());
        double oneRow = (900 - 7 * 10) / 8.0;
        assertTrue(fit.size() > 1.12 * oneRow, "more rows only where they make the tiles clearly larger: " + fit);
        assertTrue(fit.rows() * (fit.size() + 40) + (fit.rows() - 1) * 10 <= 900 + 1e-9, "and the rows fit");
    }

    @Test
    void metricTwoStacksTwoTilesPerUnit() {
        TileFit one = TileFit.of(3, 1000, 600, 10, 0, 1, 40, 80, 720);
        TileFit two = TileFit.of(3, 1000, 600, 10, 0, 2, 40, 80, 720);
        assertEquals((600 - 2 * 40) / 2.0, two.size(), 1e-9, "two tiles and two labels share the height");
        assertTrue(two.size() < one.size());
    }

    @Test
    void belowTheSmallestReadableSizeTheRowsGoOnAndThePageScrolls() {
        TileFit fit = TileFit.of(20, 500, 100, 10, 0, 1, 40, 80, 720);
        assertTrue(fit.size() >= 80, fit.toString());
        assertEquals(5, fit.columns(), "as many columns of 80 as 500 pixels take");
        assertEquals(4, fit.rows());
    }

    @Test
    void aGivenSizeKeepsItsColumnsWithinTheWidth() {
        TileFit fit = TileFit.ofSize(6, 1000, 10, 100, 200);
        assertEquals(4, fit.columns());
        assertEquals(2, fit.rows());
    }
}
