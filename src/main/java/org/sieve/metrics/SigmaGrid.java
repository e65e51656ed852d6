package org.sieve.metrics;

/**
 * The sigma grid over the input: which cell each input pixel takes its sigma from (nearest
 * neighbour upsampling, as TensorFlow does it in the graph).
 */
public record SigmaGrid(int rows, int columns, int height, int width, int[] cellOfPixel) {

    public int cells() {
        return rows * columns;
    }

    /** How many input pixels each cell covers. */
    public int[] pixelsPerCell() {
        int[] count = new int[cells()];
        for (int c : cellOfPixel) {
            count[c]++;
        }
        return count;
    }

    /** Mean over input pixels of a per-cell value. */
    public double pixelMean(float[] perCell) {
        double sum = 0;
        for (int c : cellOfPixel) {
            sum += perCell[c];
        }
        return sum / cellOfPixel.length;
    }

    /** Mean over each cell's pixels of a per-pixel value. */
    public float[] cellMeans(float[] perPixel) {
        double[] sum = new double[cells()];
        for (int p = 0; p < cellOfPixel.length; p++) {
            sum[cellOfPixel[p]] += perPixel[p];
        }
        int[] count = pixelsPerCell();
        float[] out = new float[sum.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) (sum[c] / count[c]);
        }
        return out;
    }

    public float[][] rowsOf(float[] perCell) {
        float[][] out = new float[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(perCell, r * columns, out[r], 0, columns);
        }
        return out;
    }
}
