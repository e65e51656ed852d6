package org.sieve.metrics;

/**
 * Foreground/background concentration and knowledge points (METHOD.md section 4) of a layer's
 * pixel-wise entropy map, given which input pixels are foreground.
 */
public final class ForegroundViews {

    /** Cheng et al.'s threshold b: a knowledge point is this far below the background mean. */
    public static final double KNOWLEDGE_POINT_THRESHOLD = 0.2;

    private ForegroundViews() {
    }

    /**
     * @param foregroundPixels one flag per input pixel, row-major; a cell counts as foreground
     *                         when at least half of its pixels are
     */
    public static ForegroundView of(float[][] entropyMap, SigmaGrid grid, boolean[] foregroundPixels) {
        double fgSum = 0;
        double bgSum = 0;
        int fgPixels = 0;
        int[] fgPixelsPerCell = new int[grid.cells()];
        for (int p = 0; p < grid.cellOfPixel().length; p++) {
            int cell = grid.cellOfPixel()[p];
            double h = entropyMap[cell / grid.columns()][cell % grid.columns()];
            if (foregroundPixels[p]) {
                fgSum += h;
                fgPixels++;
                fgPixelsPerCell[cell]++;
            } else {
                bgSum += h;
            }
        }
        int bgPixels = grid.cellOfPixel().length - fgPixels;
        double fg = fgPixels == 0 ? Double.NaN : fgSum / fgPixels;
        double bg = bgPixels == 0 ? Double.NaN : bgSum / bgPixels;

        int[] pixelsPerCell = grid.pixelsPerCell();
        boolean[] fgCell = new boolean[grid.cells()];
        double bgCellSum = 0;
        int bgCells = 0;
        for (int c = 0; c < fgCell.length; c++) {
            fgCell[c] = 2 * fgPixelsPerCell[c] >= pixelsPerCell[c] && fgPixelsPerCell[c] > 0;
            if (!fgCell[c]) {
                bgCellSum += entropyMap[c / grid.columns()][c % grid.columns()];
                bgCells++;
            }
        }
        int kpFg = 0;
        int kpBg = 0;
        if (bgCells > 0) {
            double bgMean = bgCellSum / bgCells;
            for (int c = 0; c < fgCell.length; c++) {
                if (bgMean - entropyMap[c / grid.columns()][c % grid.columns()] > KNOWLEDGE_POINT_THRESHOLD) {
                    if (fgCell[c]) {
                        kpFg++;
                    } else {
                        kpBg++;
                    }
                }
            }
        }
        double ratio = kpFg + kpBg == 0 ? Double.NaN : kpFg / (double) (kpFg + kpBg);
        return new ForegroundView(fg, bg, bg - fg, kpFg, kpBg, ratio);
    }
}
