package org.sieve.metrics;

import java.util.List;
import org.sieve.tf.ComputeDevice;

/**
 * Every analysis setting a person can choose, once: name, default (that of
 * {@link DiscardingSettings#defaults()}), allowed range and explanation. The command line makes
 * its options from these rows, the explorer its settings sheet and saved state, and
 * {@link DiscardingSettings#validated} checks each row's range.
 */
public final class SettingsTable {

    /** Beyond this a run takes days; the optimisation converges in a few hundred steps. */
    public static final int MAX_STEPS = 100_000;
    /**
     * Per layer and step; the default 8 is plenty. Memory grows with the draws times the layers'
     * activations: all 25 layers of the bundled VGG took 5.9 GB with 64 draws, 23.7 GB with 256,
     * and more than this project's 23 GB machine with 1024.
     */
    public static final int MAX_DRAWS = 128;

    public static final Setting<Metric> METRIC = new Setting<>("metric", "M", "Metric",
            "What sigma is optimised for and the maps show: information-discarding (metric 1, the pixel-wise"
                    + " entropy) or ru (metric 2, reconstruction uncertainty; needs the model's decoders).",
            SettingValues.choice(Metric.class, Metric::parse, Metric::id), DiscardingSettings::metric,
            DiscardingSettings.Builder::metric);

    public static final Setting<Integer> STEPS = new Setting<>("steps", "N", "Steps",
            "Optimisation steps at most; the run ends earlier once every layer has converged.",
            SettingValues.count(MAX_STEPS), DiscardingSettings::maxSteps, DiscardingSettings.Builder::maxSteps);

    public static final Setting<Long> SEED = new Setting<>("seed", "S", "Seed",
            "Seed of every noise draw: the same seed on the same device gives the same result.",
            SettingValues.anyWholeNumber(), DiscardingSettings::seed, DiscardingSettings.Builder::seed);

    public static final Setting<Double> TAU = new Setting<>("tau", "T", "Tau",
            "Allowed distortion: how much the layer's features may change under the noise, relative to tiny"
                    + " noise (D/D0). Larger tau allows more noise: higher entropies. The paper uses 1.5.",
            SettingValues.positive(), DiscardingSettings::tau, DiscardingSettings.Builder::tau);

    public static final Setting<Double> SIGMA0 = new Setting<>("sigma0", "S", "Sigma0",
            "The tiny uniform noise that defines the normaliser D0, in pixel units (intensities 0 to 1)."
                    + " The paper uses 0.01.",
            SettingValues.between(DiscardingSettings.defaults().sigmaMin(), DiscardingSettings.defaults().sigmaMax()),
            DiscardingSettings::sigma0, DiscardingSettings.Builder::sigma0);

    public static final Setting<GridSize> GRID = new Setting<>("grid", "RxC", "Sigma grid",
            "Noise cells, rows x columns: auto (the model's recommendation; else one cell per pixel up to"
                    + " 32x32, 16x16 beyond) or e.g. 14x14.",
            SettingValues.grid(), DiscardingSettings::gridSize, DiscardingSettings.Builder::grid);

    public static final Setting<Integer> DRAWS = new Setting<>("draws", "N", "Noise draws",
            "Noise samples per layer and optimisation step. More draws: smoother optimisation, slower steps.",
            SettingValues.count(MAX_DRAWS), DiscardingSettings::draws, DiscardingSettings.Builder::draws);

    public static final Setting<ComputeDevice> DEVICE = new Setting<>("device", "cpu|gpu", "Device",
            "Where TensorFlow computes: the CPU, or an NVIDIA GPU with Sieve's GPU build.",
            SettingValues.choice(ComputeDevice.class, ComputeDevice::parse, ComputeDevice::id),
            DiscardingSettings::device, DiscardingSettings.Builder::device);

    public static final Setting<Phi> PHI = new Setting<>("phi", "auto|relu|identity", "Feature map",
            "The map applied to a layer's features before the distortion is measured: auto (ReLU for hidden"
                    + " layers, identity for the output and probabilities, as the authors), relu or identity.",
            SettingValues.choice(Phi.class, Phi::parse, Phi::id), DiscardingSettings::phi,
            DiscardingSettings.Builder::phi);

    /** In the order help texts and the settings sheet list them. */
    public static final List<Setting<?>> ALL = List.of(METRIC, STEPS, SEED, TAU, SIGMA0, GRID, DRAWS, DEVICE, PHI);

    private SettingsTable() {
    }
}
