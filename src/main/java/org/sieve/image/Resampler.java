package org.sieve.image;

/**
 * Separable resampling of a rectangle of an HWC image to a new size. Per axis: exact area
 * averaging when shrinking (each output pixel is the coverage-weighted mean of the source
 * pixels under it, so nothing aliases) and bilinear interpolation between pixel centres when
 * enlarging.
 */
final class Resampler {

    static final String AREA = "area average";
    static final String BILINEAR = "bilinear";
    static final String NONE = "none";

    /** Source indices and weights of each output position along one axis. */
    record Axis(int[][] index, double[][] weight, String method) {
    }

    private Resampler() {
    }

    /** Weights mapping {@code n} source pixels starting at {@code offset} onto {@code m} outputs. */
    static Axis axis(int offset, int n, int m) {
        int[][] index = new int[m][];
        double[][] weight = new double[m][];
        String method = n > m ? AREA : n < m ? BILINEAR : NONE;
        for (int i = 0; i < m; i++) {
            if (n > m) {
                area(i, n, m, index, weight);
            } else {
                bilinear(i, n, m, index, weight);
            }
            for (int k = 0; k < index[i].length; k++) {
                index[i][k] += offset;
            }
        }
        return new Axis(index, weight, method);
    }

    /**
     * Output i covers source [i*n/m, (i+1)*n/m). In units of 1/m source pixel that is
     * [i*n, (i+1)*n) and source pixel j is [j*m, (j+1)*m), so overlaps are exact integers.
     */
    private static void area(int i, int n, int m, int[][] index, double[][] weight) {
        long start = (long) i * n;
        long end = start + n;
        int first = (int) (start / m);
        int last = (int) ((end - 1) / m);
        index[i] = new int[last - first + 1];
        weight[i] = new double[last - first + 1];
        for (int j = first; j <= last; j++) {
            long overlap = Math.min(end, (long) (j + 1) * m) - Math.max(start, (long) j * m);
            index[i][j - first] = j;
            weight[i][j - first] = (double) overlap / n;
        }
    }

    /** Pixel centres aligned (half-pixel convention); edges repeat the border pixel. */
    private static void bilinear(int i, int n, int m, int[][] index, double[][] weight) {
        double s = Math.min(n - 1, Math.max(0, (i + 0.5) * n / m - 0.5));
        int j0 = (int) Math.floor(s);
        int j1 = Math.min(j0 + 1, n - 1);
        double f = s - j0;
        index[i] = new int[] {j0, j1};
        weight[i] = new double[] {1 - f, f};
    }

    /** Resample {@code src} (width srcWidth, HWC) with the given row and column axes. */
    static float[] apply(float[] src, int srcWidth, int channels, Axis rows, Axis cols) {
        int outH = rows.index().length;
        int outW = cols.index().length;
        // Horizontal pass over only the rows the vertical pass will read.
        int firstRow = rows.index()[0][0];
        int lastRow = rows.index()[outH - 1][rows.index()[outH - 1].length - 1];
        int bandH = lastRow - firstRow + 1;
        double[] band = new double[bandH * outW * channels];
        for (int y = 0; y < bandH; y++) {
            int srcRow = (firstRow + y) * srcWidth;
            for (int x = 0; x < outW; x++) {
                int[] idx = cols.index()[x];
                double[] w = cols.weight()[x];
                int o = (y * outW + x) * channels;
                for (int k = 0; k < idx.length; k++) {
                    int s = (srcRow + idx[k]) * channels;
                    for (int c = 0; c < channels; c++) {
                        band[o + c] += w[k] * src[s + c];
                    }
                }
            }
        }
        float[] out = new float[outH * outW * channels];
        for (int y = 0; y < outH; y++) {
            int[] idx = rows.index()[y];
            double[] w = rows.weight()[y];
            for (int x = 0; x < outW * channels; x++) {
                double sum = 0;
                for (int k = 0; k < idx.length; k++) {
                    sum += w[k] * band[(idx[k] - firstRow) * outW * channels + x];
                }
                // Weights sum to 1 only up to rounding; keep the [0,1] promise exact.
                out[y * outW * channels + x] = (float) Math.min(1.0, Math.max(0.0, sum));
            }
        }
        return out;
    }

    /** One phrase for result.json covering both axes. */
    static String describe(Axis rows, Axis cols) {
        String v = rows.method();
        String h = cols.method();
        if (v.equals(h) || v.equals(NONE)) {
            return h;
        }
        if (h.equals(NONE)) {
            return v;
        }
        return h + " horizontally, " + v + " vertically";
    }
}
