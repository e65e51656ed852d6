package org.sieve.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SheetSizeTest {

    @Test
    void readsWidthByHeightAndSixteenByNineWidths() {
        assertEquals(new SheetSize(1920, 1080), SheetSize.parse("1920x1080"));
        assertEquals(new SheetSize(3840, 2160), SheetSize.parse(" 3840 × 2160 "));
        assertEquals(new SheetSize(1280, 720), SheetSize.ofWidth(1280));
        assertEquals("2560x1440", SheetSize.PRESETS.get(1).toString());
    }

    @Test
    void badSizesSayWhatIsAllowed() {
        var tiny = assertThrows(IllegalArgumentException.class, () -> SheetSize.parse("100x100"));
        assertTrue(tiny.getMessage().contains("100x100") && tiny.getMessage().contains("640x360"), tiny.getMessage());
        var words = assertThrows(IllegalArgumentException.class, () -> SheetSize.parse("full hd"));
        assertTrue(words.getMessage().contains("WIDTHxHEIGHT"), words.getMessage());
    }
}
