package org.sieve.metrics;

import org.sieve.SieveException;
import org.sieve.tf.ComputeDevice;

/**
 * Settings of metrics 1 and 2 (METHOD.md sections 2 and 3). Defaults are the authors' where they exist
 * (tau 1.5, sigma0 0.01) and tuned on the bundled models otherwise.
 *
 * @param tau          allowed relative distortion D/D0
 * @param sigma0       the tiny uniform noise that defines the normaliser D0, in pixel units
 * @param gridHeight   rows of the sigma grid (0 = choose from the input size)
 * @param gridWidth    columns of the sigma grid (0 = choose from the input size)
 * @param draws        noise draws per layer per optimisation step
 * @param checkDraws   draws used to estimate D0 and to re-measure the final D/D0
 * @param maxSteps     optimisation steps at most (fewer when every layer has converged)
 * @param learningRate Adam's step size on log sigma
 * @param levelRate    share of the step towards the constraint's level taken each step
 * @param sigmaMin     lower clamp of sigma, pixel units
 * @param sigmaMax     upper clamp of sigma; cells that end here are saturated
 * @param seed         seed of every noise draw
 * @param device       where TensorFlow runs
 * @param phi          feature map before the distortion
 * @param metric       what sigma is optimised for and the maps report
 */
public record DiscardingSettings(double tau, double sigma0, int gridHeight, int gridWidth, int draws,
        int checkDraws, int maxSteps, double learningRate, double levelRate, double sigmaMin,
        double sigmaMax, long seed, ComputeDevice device, Phi phi, Metric metric) {

    /** The paper's grid for 224x224 inputs: one sigma per 14x14 patch. */
    public static final int LARGE_INPUT_GRID = 16;
    /** Inputs up to this size get one sigma per pixel. */
    public static final int PER_PIXEL_LIMIT = 32;
    /** Draws re-measuring D0 and the final D/D0; the default 64 is what the constraint check needs. */
    public static final int MAX_CHECK_DRAWS = 4096;

    public static DiscardingSettings defaults() {
        return new DiscardingSettings(1.5, 0.01, 0, 0, 8, 64, 200, 0.1, 0.2, 1e-4, 1.0, 0,
                ComputeDevice.CPU, Phi.AUTO, Metric.INFORMATION_DISCARDING);
    }

    /**
     * Rejects impossible values with a message that names the setting, its value and what is
     * allowed: each row of {@link SettingsTable}, then what the table does not show.
     */
    public DiscardingSettings validated(int inputHeight, int inputWidth) {
        for (Setting<?> setting : SettingsTable.ALL) {
            String problem = setting.problem(this);
            require(problem == null, problem);
        }
        require(sigmaMin > 0 && sigmaMin < sigmaMax, "the sigma bounds must satisfy 0 < min < max, got ["
                + sigmaMin + ", " + sigmaMax + "]");
        require(sigma0 >= sigmaMin && sigma0 <= sigmaMax, "sigma0 " + sigma0 + " lies outside the sigma bounds ["
                + sigmaMin + ", " + sigmaMax + "]");
        require(checkDraws >= draws && checkDraws <= MAX_CHECK_DRAWS, "check draws = " + checkDraws
                + " must lie between the draws per step (" + draws + ") and " + MAX_CHECK_DRAWS);
        require(learningRate > 0, "the learning rate must be positive, got " + learningRate);
        require(levelRate > 0 && levelRate <= 1, "the level rate must lie in (0, 1], got " + levelRate);
        require(gridHeight >= 0 && gridWidth >= 0, "the sigma grid must not be negative, got "
                + gridHeight + "x" + gridWidth);
        require(gridHeight <= inputHeight && gridWidth <= inputWidth, "the sigma grid " + gridHeight + "x"
                + gridWidth + " is larger than the model's " + inputHeight + "x" + inputWidth
                + " input; use at most " + inputHeight + "x" + inputWidth);
        return this;
    }

    /** The grid as chosen: {@link GridSize#AUTO} until a grid is set or resolved from the model. */
    public GridSize gridSize() {
        return gridHeight > 0 && gridWidth > 0 ? new GridSize(gridHeight, gridWidth) : GridSize.AUTO;
    }

    /** The grid to use for an input: the explicit one, else per pixel for small inputs, else 16x16. */
    public int[] grid(int inputHeight, int inputWidth) {
        if (gridHeight > 0 && gridWidth > 0) {
            return new int[] {gridHeight, gridWidth};
        }
        if (Math.max(inputHeight, inputWidth) <= PER_PIXEL_LIMIT) {
            return new int[] {inputHeight, inputWidth};
        }
        return new int[] {Math.min(LARGE_INPUT_GRID, inputHeight), Math.min(LARGE_INPUT_GRID, inputWidth)};
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new SieveException("Impossible setting: " + problem + ".");
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a few settings, keeping the rest. */
    public static final class Builder {
        private double tau;
        private double sigma0;
        private int gridHeight;
        private int gridWidth;
        private int draws;
        private int checkDraws;
        private int maxSteps;
        private double learningRate;
        private double levelRate;
        private double sigmaMin;
        private double sigmaMax;
        private long seed;
        private ComputeDevice device;
        private Phi phi;
        private Metric metric;

        private Builder(DiscardingSettings s) {
            tau = s.tau;
            sigma0 = s.sigma0;
            gridHeight = s.gridHeight;
            gridWidth = s.gridWidth;
            draws = s.draws;
            checkDraws = s.checkDraws;
            maxSteps = s.maxSteps;
            learningRate = s.learningRate;
            levelRate = s.levelRate;
            sigmaMin = s.sigmaMin;
            sigmaMax = s.sigmaMax;
            seed = s.seed;
            device = s.device;
            phi = s.phi;
            metric = s.metric;
        }

        public Builder tau(double v) { tau = v; return this; }
        public Builder sigma0(double v) { sigma0 = v; return this; }
        public Builder grid(GridSize g) { gridHeight = g.rows(); gridWidth = g.columns(); return this; }
        public Builder draws(int v) { draws = v; return this; }
        public Builder checkDraws(int v) { checkDraws = v; return this; }
        public Builder maxSteps(int v) { maxSteps = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder levelRate(double v) { levelRate = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder device(ComputeDevice v) { device = v; return this; }
        public Builder phi(Phi v) { phi = v; return this; }
        public Builder metric(Metric v) { metric = v; return this; }

        public DiscardingSettings build() {
            return new DiscardingSettings(tau, sigma0, gridHeight, gridWidth, draws, checkDraws, maxSteps,
                    learningRate, levelRate, sigmaMin, sigmaMax, seed, device, phi, metric);
        }
    }
}
