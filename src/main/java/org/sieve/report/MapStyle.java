package org.sieve.report;

import org.sieve.render.ColourMap;

/**
 * How maps are drawn wherever they appear (explorer, sheet, snapshot): colour map, the map's
 * opacity over the input image, and the colour range.
 *
 * @param opacity weight of the map colour over the image, 0 to 1
 */
public record MapStyle(ColourMap colourMap, double opacity, ColourRange range) {

    /** Mostly map: the input shows through faintly, the colours carry the values. */
    public static final double DEFAULT_OPACITY = 0.85;
    public static final MapStyle DEFAULT = new MapStyle(ColourMap.VIRIDIS, DEFAULT_OPACITY, ColourRange.DEFAULT);

    public MapStyle {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("The opacity must lie between 0 and 1, got " + opacity + ".");
        }
    }
}
