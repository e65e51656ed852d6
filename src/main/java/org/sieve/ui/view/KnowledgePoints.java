package org.sieve.ui.view;

import org.sieve.image.ForegroundMask;
import org.sieve.metrics.ForegroundViews;
import org.sieve.metrics.SigmaGrid;

/**
 * Which cells are foreground and which are knowledge points (Cheng et al., METHOD.md section 4),
 * by the same rules as {@link ForegroundViews}, so they can be drawn on the image.
 */
final class KnowledgePoints {

    private KnowledgePoints() {
    }

    /** A cell is foreground when at least half of its pixels are. */
    static boolean[] foregroundCells(SigmaGrid grid, ForegroundMask mask) {
        int[] fg = new int[grid.cells()];
        int[] cellOf = grid.cellOfPixel();
        for (int p = 0; p < cellOf.length; p++) {
            if (mask.isForeground(p / grid.width(), p % grid.width())) {
                fg[cellOf[p]]++;
            }
        }
        int[] total = grid.pixelsPerCell();
        boolean[] out = new boolean[grid.cells()];
        for (int c = 0; c < out.length; c++) {
            out[c] = fg[c] > 0 && 2 * fg[c] >= total[c];
        }
        return out;
    }

    /** Cells whose entropy lies more than b below the background cells' mean. */
    static boolean[] points(float[][] entropyMap, SigmaGrid grid, boolean[] foregroundCells) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < grid.cells(); c++) {
            if (!foregroundCells[c]) {
                sum += entropyMap[c / grid.columns()][c % grid.columns()];
                n++;
            }
        }
        boolean[] out = new boolean[grid.cells()];
        if (n == 0) {
            return out;
        }
        double bgMean = sum / n;
        for (int c = 0; c < grid.cells(); c++) {
            out[c] = bgMean - entropyMap[c / grid.columns()][c % grid.columns()]
                    > ForegroundViews.KNOWLEDGE_POINT_THRESHOLD;
        }
        return out;
    }
}
