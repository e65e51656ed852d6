package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.report.ColourRange;
import org.sieve.report.SheetSize;

/** What the explorer remembers survives a round trip, also when it quits in full screen. */
class SavedStateTest {

    @TempDir
    Path dir;

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
