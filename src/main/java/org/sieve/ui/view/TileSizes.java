package org.sieve.ui.view;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One tile size for the strips shown side by side: the smallest that each would choose alone,
 * so that maps of the two panels compare at a glance.
 */
final class TileSizes {

    /** The size each strip would choose alone, at its width and height budget. */
    private final Map<TileGrid, Double> chosen = new LinkedHashMap<>();

    /** The size for {@code grid}, given what it would choose alone there, and what the others chose. */
    double agreed(TileGrid grid, double own) {
        double size = own;
        for (Map.Entry<TileGrid, Double> e : chosen.entrySet()) {
            if (e.getKey() != grid && e.getKey().shown()) {
                size = Math.min(size, e.getValue());
            }
        }
        return size;
    }

    /** Records what {@code grid} chose alone; the others lay out again where the agreed size changes. */
    void chose(TileGrid grid, double own) {
        Double was = chosen.put(grid, own);
        if (was == null || was != own) {
            refresh(grid);
        }
    }

    /** Lays every other strip out again, e.g. when one appears or goes. */
    void refresh(TileGrid except) {
        chosen.keySet().stream().filter(g -> g != except).forEach(TileGrid::requestLayout);
    }
}
