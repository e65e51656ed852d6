package org.sieve.report;

/**
 * How large equal tiles can be, and in how many rows, to fill a box: the layout rule of the
 * explorer's map strip and of the sheets. A unit is a column of {@code stack} tiles (a map, and for
 * metric 2 its reconstruction under it), each with a label block of fixed height above it.
 *
 * @param size side of a tile's image in pixels
 */
public record TileFit(int rows, int columns, double size) {

    /**
     * Fewer rows win unless more rows make the tiles this much larger: a single band of maps
     * leaves the curves the height, for maps about as large.
     */
    private static final double MORE_ROWS_GAIN = 1.12;

    /**
     * The largest tiles with which all units fit the box, no larger than {@code maxSize}; where
     * even {@code minSize} does not fit, tiles of at least {@code minSize} in as many rows as the
     * width needs (the caller then scrolls).
     *
     * @param reserved width beside the tiles for something that does not scale (a colour bar)
     */
    public static TileFit of(int units, double width, double height, double gap, double reserved, int stack,
                             double labelHeight, double minSize, double maxSize) {
        if (units < 1) {
            return new TileFit(0, 0, 0);
        }
        double usable = width - reserved;
        TileFit best = null;
        int previous = 0;
        for (int rows = 1; rows <= units; rows++) {
            int columns = (units + rows - 1) / rows;
            // Another row with as many columns as before only makes the tiles smaller.
            if (columns == previous) {
                continue;
            }
            previous = columns;
            double byWidth = (usable - (columns - 1) * gap) / columns;
            double byHeight = ((height - (rows - 1) * gap) / rows - stack * labelHeight) / stack;
            double size = Math.min(maxSize, Math.min(byWidth, byHeight));
            if (best == null || size > best.size() * MORE_ROWS_GAIN) {
                best = new TileFit(rows, columns, size);
            }
        }
        if (best.size() >= minSize) {
            return best;
        }
        int columns = (int) Math.max(1, Math.min(units, Math.floor((usable + gap) / (minSize + gap))));
        double size = Math.max(minSize, Math.min(maxSize, (usable - (columns - 1) * gap) / columns));
        return new TileFit((units + columns - 1) / columns, columns, size);
    }

    /** The same tiles at another size, e.g. the smaller of two panels' so that their maps compare. */
    public static TileFit ofSize(int units, double width, double gap, double reserved, double size) {
        int columns = (int) Math.max(1, Math.min(units, Math.floor((width - reserved + gap) / (size + gap))));
        return new TileFit((units + columns - 1) / columns, columns, size);
    }
}
