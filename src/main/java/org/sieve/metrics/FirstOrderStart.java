package org.sieve.metrics;

/**
 * Metric 1's first-order start (METHOD.md section 2). For small sigma, with phi linearised at the
 * clean image, D(sigma) is close to (1/M) sum_g sigma_g^2 a_g over the G cells, where M is the
 * layer's output size and a_g the Jacobian energy of cell g: the squared column norms of the
 * Jacobian of phi(f_l) summed over the cell's input dimensions. Maximising sum_g log sigma_g under
 * D/D0 = tau then has a closed form: every cell takes the same share of the distortion,
 * sigma_g^2 a_g = tau D0 M / G. Cells whose share would put them past a clamp are held there and
 * the others share what is left. Beyond small sigma D grows faster than the linearisation says,
 * so one measured correction of each layer's level (the sigma^2 law of the level step) follows.
 * The optimiser starts here rather than at sigma0.
 */
final class FirstOrderStart {

    /**
     * Hutchinson probes per cell's input dimensions to aim for: a cell's energy then has a relative
     * error of about sqrt(2 / 64), 18 %, or 0.09 in log sigma.
     */
    static final int PROBED_DIMENSIONS = 64;

    /** Batches of draws the level correction measures D/D0 on: a rough level is all it needs. */
    static final int LEVEL_RUNS = 2;

    private FirstOrderStart() {
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
        float[][] logSigma = OptimisationRun.uniform(graph, (float) Math.log(s.sigma0()));
        for (int l = 0; l < graph.layerCount; l++) {
            if (d0[l] > 0 && Double.isFinite(d0[l])) {
                double budget = s.tau() * d0[l] * outputSize(graph.outputShapes[l]);
                logSigma[l] = closedForm(cellEnergy(grid, energy[l]), budget, s.sigmaMin(), s.sigmaMax());
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
