package org.sieve.metrics;

/**
 * Metric 1's first-order solution (METHOD.md section 2). For small sigma, with phi linearised at the
 * clean image, D(sigma) is close to (1/M) sum_g sigma_g^2 a_g over the G cells, where M is the
 * layer's output size and a_g the Jacobian energy of cell g: the squared column norms of the
 * Jacobian of phi(f_l) summed over the cell's input dimensions. Maximising sum_g log sigma_g under
 * D/D0 = tau then has a closed form: every cell takes the same share of the distortion,
 * sigma_g^2 a_g = tau D0 M / G. Cells whose share would put them past a clamp are held there and
 * the others share what is left. Beyond small sigma D grows faster than the linearisation says,
 * so one measured correction of each layer's level (the sigma^2 law of the level step) follows.
 * The explorer shows it as the approximate map the steps then refine.
 */
final class FirstOrderSolution {

    /**
     * Hutchinson probes per cell's input dimensions to aim for: a cell's energy then has a relative
     * error of about sqrt(2 / 64), 18 %, or 0.09 in log sigma.
     */
    static final int PROBED_DIMENSIONS = 64;

    /** Batches of draws the level correction measures D/D0 on: a rough level is all it needs. */
    static final int LEVEL_RUNS = 2;

    private FirstOrderSolution() {
    }

    /** The closed form of every layer, its level corrected on a measurement of D/D0. */
    static float[][] of(SigmaGraph graph, double[] d0, long[] keys, DiscardingSettings s) {
        float[][] logSigma = closedForms(graph, d0, keys, s);
        double[] distortion = graph.distortion(logSigma, keys, NoiseStream.FIRST_ORDER, 1, LEVEL_RUNS);
        float logMin = (float) Math.log(s.sigmaMin());
        float logMax = (float) Math.log(s.sigmaMax());
        for (int l = 0; l < graph.layerCount; l++) {
            double ratio = distortion[l] / d0[l];
            if (ratio > 0 && Double.isFinite(ratio)) {
                float shift = (float) (0.5 * Math.log(s.tau() / ratio));
                for (int g = 0; g < logSigma[l].length; g++) {
                    logSigma[l][g] = Math.max(logMin, Math.min(logMax, logSigma[l][g] + shift));
                }
            }
        }
        return logSigma;
    }

    /**
     * The closed form of every layer where D0 was measured, sigma0 elsewhere.
     *
     * @param d0 per layer, D0; a layer whose D0 is not a positive number starts at sigma0
     */
    static float[][] closedForms(SigmaGraph graph, double[] d0, long[] keys, DiscardingSettings s) {
        SigmaGrid grid = graph.grid();
        int dimensionsPerCell = graph.height * graph.width * graph.channels / grid.cells();
        int maxRuns = (s.checkDraws() + s.draws() - 1) / s.draws();
        int runs = Math.max(1, Math.min(maxRuns,
                (int) Math.ceil(PROBED_DIMENSIONS / (double) (s.draws() * dimensionsPerCell))));
        float[][] energy = graph.jacobianEnergy(keys, runs);
        int probes = runs * s.draws() * dimensionsPerCell;
        float[][] logSigma = OptimisationRun.uniform(graph, (float) Math.log(s.sigma0()));
        for (int l = 0; l < graph.layerCount; l++) {
            if (d0[l] > 0 && Double.isFinite(d0[l])) {
                double budget = s.tau() * d0[l] * outputSize(graph.outputShapes[l]);
                logSigma[l] = closedForm(shrunk(cellEnergy(grid, energy[l]), probes), budget, s.sigmaMin(),
                        s.sigmaMax());
            }
        }
        return logSigma;
    }

    /** a_g: a per-pixel energy summed over each cell's pixels. */
    static double[] cellEnergy(SigmaGrid grid, float[] perPixel) {
        double[] a = new double[grid.cells()];
        int[] cellOf = grid.cellOfPixel();
        for (int p = 0; p < cellOf.length; p++) {
            a[cellOf[p]] += perPixel[p];
        }
        return a;
    }

    /**
     * The cells' energies with the probes' noise shrunk out: each estimate is a mean of
     * {@code probes} scaled chi-square(1) draws, so its log has the variance trigamma(probes / 2).
     * Deviations of log a from the layer's mean are scaled by the share of their variance that
     * noise does not explain (empirical Bayes), so a layer that weighs all cells alike gets a
     * uniform start rather than one with the probes' noise in it.
     */
    static double[] shrunk(double[] a, int probes) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (double e : a) {
            if (e > 0) {
                double log = Math.log(e);
                sum += log;
                squares += log * log;
                n++;
            }
        }
        if (n < 2) {
            return a;
        }
        double mean = sum / n;
        double variance = squares / n - mean * mean;
        double keep = variance > 0 ? Math.max(0, 1 - trigamma(probes / 2.0) / variance) : 0;
        double[] out = new double[a.length];
        for (int g = 0; g < a.length; g++) {
            out[g] = a[g] > 0 ? Math.exp(mean + keep * (Math.log(a[g]) - mean)) : 0;
        }
        return out;
    }

    /** The trigamma function: recurrence up to 6, then its asymptotic series. */
    static double trigamma(double x) {
        double sum = 0;
        for (; x < 6; x++) {
            sum += 1 / (x * x);
        }
        double inverse = 1 / x;
        double square = inverse * inverse;
        double fifth = square * square * inverse;
        return sum + inverse + square / 2 + square * inverse / 6 - fifth / 30 + fifth * square / 42;
    }

    /**
     * log sigma maximising sum_g log sigma_g subject to sum_g sigma_g^2 a_g = budget (tau D0 M),
     * within [sigmaMin, sigmaMax]: equal shares, clamped cells held and the rest re-shared.
     */
    static float[] closedForm(double[] a, double budget, double sigmaMin, double sigmaMax) {
        int cells = a.length;
        double[] sigma2 = new double[cells];
        boolean[] held = new boolean[cells];
        double max2 = sigmaMax * sigmaMax;
        double min2 = sigmaMin * sigmaMin;
        // Each round holds at least one more cell or settles, so at most one round per cell.
        for (int round = 0; round <= cells; round++) {
            double left = budget;
            int free = 0;
            for (int g = 0; g < cells; g++) {
                if (held[g]) {
                    left -= sigma2[g] * a[g];
                } else {
                    free++;
                }
            }
            if (free == 0) {
                break;
            }
            double share = left / free;
            boolean settled = true;
            for (int g = 0; g < cells; g++) {
                if (held[g]) {
                    continue;
                }
                double s2 = a[g] > 0 ? share / a[g] : Double.POSITIVE_INFINITY;
                if (s2 >= max2 || s2 <= min2 || Double.isNaN(s2)) {
                    sigma2[g] = s2 >= max2 ? max2 : min2;
                    held[g] = true;
                    settled = false;
                } else {
                    sigma2[g] = s2;
                }
            }
            if (settled) {
                break;
            }
        }
        float[] logSigma = new float[cells];
        for (int g = 0; g < cells; g++) {
            logSigma[g] = (float) (0.5 * Math.log(sigma2[g]));
        }
        return logSigma;
    }

    /** M: the number of values the layer outputs per image. */
    static long outputSize(long[] shape) {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        return size;
    }
}
