package org.sieve.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.SieveException;
import org.sieve.image.ModelInput;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.GridSize;
import org.sieve.metrics.SettingsTable;
import org.sieve.model.ModelMetadata;

/** Settings resolved against a model once, for every caller: grid, check draws, and the noisy batch's bound. */
class SettingsResolverTest {

    private static final DiscardingSettings DEFAULTS = DiscardingSettings.defaults();

    private static ModelMetadata model(int height, int width, int channels, int[] grid) {
        return new ModelMetadata("m", "m", "classification", null, List.of(), new ModelInput(height, width, channels),
                new float[channels], new float[channels], grid, null, 0, new JsonObject(), null, null, null, null);
    }

    @Test
    void anAutoGridBecomesTheModelsRecommendationAndAChosenOneStays() {
        ModelMetadata recommending = model(28, 28, 1, new int[] {14, 14});
        assertEquals(new GridSize(14, 14), SettingsResolver.resolve(DEFAULTS, recommending, 3).gridSize());
        DiscardingSettings chosen = DEFAULTS.toBuilder().grid(new GridSize(7, 7)).build();
        assertEquals(new GridSize(7, 7), SettingsResolver.resolve(chosen, recommending, 3).gridSize());
        assertEquals(GridSize.AUTO, SettingsResolver.resolve(DEFAULTS, model(28, 28, 1, null), 3).gridSize(),
                "without a recommendation the engine picks per input size");
    }

    @Test
    void theCheckGetsAtLeastAsManyDrawsAsAStep() {
        DiscardingSettings many = DEFAULTS.toBuilder().draws(100).build();
        assertEquals(100, SettingsResolver.resolve(many, model(28, 28, 1, null), 1).checkDraws());
        assertEquals(DEFAULTS.checkDraws(), SettingsResolver.resolve(DEFAULTS, model(28, 28, 1, null), 1)
                .checkDraws());
    }

    @Test
    void aNoisyBatchTooLargeForTensorFlowIsRefusedBeforeAnythingIsAllocated() {
        ModelMetadata photo = model(224, 224, 3, new int[] {16, 16});
        DiscardingSettings draws = DEFAULTS.toBuilder().draws(128).build();
        SieveException e = assertThrows(SieveException.class, () -> SettingsResolver.resolve(draws, photo, 50));
        assertTrue(e.getMessage().contains("128 draws x 50 layers x a 224x224x3 input")
                && e.getMessage().contains("963,379,200") && e.getMessage().contains("fewer draws"),
                e.getMessage());
        assertThrows(SieveException.class, () -> SettingsResolver.resolve(DEFAULTS, photo, Integer.MAX_VALUE),
                "no overflow");
        long allowed = SettingsResolver.MAX_NOISY_BATCH / (224 * 224 * 3 * 8);
        assertEquals(8, SettingsResolver.resolve(DEFAULTS, photo, (int) allowed).draws());
    }

    @Test
    void valuesOutOfRangeAreRefusedThroughTheTable() {
        SieveException e = assertThrows(SieveException.class, () -> SettingsResolver.resolve(
                DEFAULTS.toBuilder().grid(new GridSize(20, 20)).build(), model(12, 12, 1, null), 1));
        assertTrue(e.getMessage().contains("20x20") && e.getMessage().contains("12x12"), e.getMessage());
        assertThrows(SieveException.class, () -> SettingsResolver.resolve(
                DEFAULTS.toBuilder().maxSteps(SettingsTable.MAX_STEPS + 1).build(), model(12, 12, 1, null), 1));
    }
}
