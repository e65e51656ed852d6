package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.GridSize;
import org.sieve.metrics.Metric;
import org.sieve.metrics.Phi;
import org.sieve.metrics.SettingsTable;
import org.sieve.report.ColourRange;
import org.sieve.report.SheetSize;
import org.sieve.tf.ComputeDevice;

/** The explorer's remembered settings: every row of the settings table, by name, and nothing impossible. */
class SavedStateTest {

    private static final DiscardingSettings DEFAULTS = DiscardingSettings.defaults();

    @TempDir
    Path dir;

    @Test
    void inputsPerKindComeBackAndDamagedOnesAreDropped() throws IOException {
        Path image = Files.createFile(dir.resolve("photo.png"));
        SavedState s = new SavedState();
        s.x = 10;
        s.y = 10;
        s.inputsByKind = new java.util.TreeMap<>(java.util.Map.of("PHOTOS", SavedState.Input.of(
                org.sieve.ui.model.ImageSource.ofFile(image, null), new org.sieve.image.RequestedRegion(1, 2, 30, 40),
                new org.sieve.ui.model.MaskSpec.Rectangle(5, 6, 7, 8))));
        s.stepRecords = java.util.Map.of("lenet5-mnist", new org.sieve.ui.model.StepRecord(5e9, 0.4));
        Path file = dir.resolve("explorer.json");
        s.write(file);
        SavedState back = SavedState.read(file);
        SavedState.Input in = back.inputsByKind.get("PHOTOS");
        assertEquals(image.toAbsolutePath(), in.file());
        assertEquals(new org.sieve.image.RequestedRegion(1, 2, 30, 40), in.requestedRegion());
        assertEquals(new org.sieve.ui.model.MaskSpec.Rectangle(5, 6, 7, 8), in.foreground());
        assertTrue(back.stepRecords.get("lenet5-mnist").usable());

        Files.writeString(file, "{\"inputsByKind\": {\"PHOTOS\": {\"image\": \"/nowhere.png\", \"region\": \"1,2\","
                + " \"mask\": \"rectangle\"}}, \"stepRecords\": {\"x\": {\"flopsPerSecond\": -1,"
                + " \"stepShare\": 3}}}");
        SavedState damaged = SavedState.read(file);
        SavedState.Input gone = damaged.inputsByKind.get("PHOTOS");
        assertEquals(null, gone.file(), "an image that is gone");
        assertEquals(null, gone.requestedRegion(), "a damaged region: the whole image");
        assertEquals(org.sieve.ui.model.MaskSpec.NONE, gone.foreground(), "a rectangle without its numbers: none");
        assertTrue(!damaged.stepRecords.get("x").usable(), "an impossible step record is not used");
    }

    @Test
    void everySettingComesBackAfterARestart() {
        DiscardingSettings chosen = DEFAULTS.toBuilder().tau(2).sigma0(0.02).grid(new GridSize(14, 14)).draws(4)
                .maxSteps(50).seed(-9).device(ComputeDevice.GPU).phi(Phi.IDENTITY)
                .metric(Metric.RECONSTRUCTION_UNCERTAINTY).build();
        SavedState s = new SavedState();
        s.x = 10; // a window position, as the explorer records it; JSON has no NaN
        s.y = 10;
        s.settings = SavedState.settingsOf(chosen);
        Path file = dir.resolve("explorer.json");
        s.write(file);
        assertEquals(chosen, SavedState.read(file).settingsOver(DEFAULTS, setting -> true));
    }

    @Test
    void onlyThePickedSettingsAreRestored() {
        SavedState s = new SavedState();
        s.settings = SavedState.settingsOf(DEFAULTS.toBuilder().maxSteps(50)
                .metric(Metric.RECONSTRUCTION_UNCERTAINTY).build());
        DiscardingSettings restored = s.settingsOver(DEFAULTS, setting -> setting == SettingsTable.METRIC);
        assertEquals(DEFAULTS.toBuilder().metric(Metric.RECONSTRUCTION_UNCERTAINTY).build(), restored);
    }

    @Test
    void anOlderOrHandEditedFileKeepsWhatItCanRead() throws IOException {
        Path file = dir.resolve("explorer.json");
        Files.writeString(file, """
                {"settings": {"tau": 2.5, "gridRows": 14, "gridColumns": 14, "draws": 4,
                              "steps": "999999999", "seed": "seven", "device": "tpu", "grid": "3x"}}""");
        DiscardingSettings restored = SavedState.read(file).settingsOver(DEFAULTS, setting -> true);
        assertEquals(DEFAULTS.toBuilder().tau(2.5).draws(4).build(), restored);
    }

    @Test
    void quittingInFullScreenStillSavesTheRest() {
        SavedState s = new SavedState();
        // Never shown outside full screen: no place is known.
        s.modelId = "mlp-mnist";
        s.colourRange = ColourRange.typed(-4, -1).id();
        s.sheetSize = "2560x1440";
        s.layerPick = "ALL";
        s.write(dir.resolve("explorer.json"));
        SavedState back = SavedState.read(dir.resolve("explorer.json"));
        assertEquals("mlp-mnist", back.modelId);
        assertTrue(Double.isNaN(back.x), "still no place");
        assertEquals(ColourRange.typed(-4, -1), back.colourRange());
        assertEquals(new SheetSize(2560, 1440), back.sheetSize());
        assertEquals("ALL", back.layerPick);
    }

    @Test
    void damagedValuesFallBackToTheDefaults() {
        SavedState s = new SavedState();
        s.colourRange = "rainbow";
        s.sheetSize = "10x10";
        assertEquals(ColourRange.DEFAULT, s.colourRange());
        assertEquals(SheetSize.FULL_HD, s.sheetSize());
    }
}
