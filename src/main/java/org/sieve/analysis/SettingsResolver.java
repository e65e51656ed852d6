package org.sieve.analysis;

import java.util.Locale;
import org.sieve.SieveException;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.GridSize;
import org.sieve.model.ModelMetadata;

/**
 * Turns the settings a person chose into those an analysis of a model runs with, in one place
 * for the command line, batches, snapshots and the explorer: an auto sigma grid becomes the
 * model's recommended one, the constraint check gets at least as many draws as a step, and
 * everything out of range is refused before anything is allocated.
 */
public final class SettingsResolver {

    /**
     * Values in one noisy batch (draws x layers x input size) at most: 128 MiB of noise, before
     * the layers' activations of it. Far bigger batches crash TensorFlow, and the JVM with it
     * ({@code --draws 2147483647} did), rather than failing cleanly, so they are refused up front.
     * Memory also grows with the activations, which {@link org.sieve.metrics.SettingsTable#MAX_DRAWS}
     * bounds through the draws.
     */
    public static final long MAX_NOISY_BATCH = 1L << 25;

    private SettingsResolver() {
    }

    /**
     * @param layers how many layers are analysed together
     * @throws SieveException naming the setting, its value and what is allowed
     */
    public static DiscardingSettings resolve(DiscardingSettings requested, ModelMetadata model, int layers) {
        DiscardingSettings.Builder b = requested.toBuilder();
        int[] recommended = model.sigmaGrid();
        if (requested.gridSize().auto() && recommended != null) {
            b.grid(new GridSize(recommended[0], recommended[1]));
        }
        if (requested.checkDraws() < requested.draws()) {
            b.checkDraws(requested.draws());
        }
        DiscardingSettings s = b.build().validated(model.input().height(), model.input().width());
        long batch;
        try {
            batch = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact((long) s.draws(), layers),
                    (long) model.input().height() * model.input().width()), model.input().channels());
        } catch (ArithmeticException e) {
            batch = Long.MAX_VALUE;
        }
        if (batch > MAX_NOISY_BATCH) {
            throw new SieveException(String.format(Locale.ROOT, "Impossible setting: %d draws x %d layers x a"
                    + " %dx%dx%d input = %,d values in one noisy batch, more than the %,d Sieve allows; use fewer"
                    + " draws or analyse fewer layers at once.", s.draws(), layers, model.input().height(),
                    model.input().width(), model.input().channels(), batch, MAX_NOISY_BATCH));
        }
        return s;
    }
}
