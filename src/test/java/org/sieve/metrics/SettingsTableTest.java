package org.sieve.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.SieveException;
import org.sieve.tf.ComputeDevice;

/** The settings table: one row per setting, read and written as text, each bound refused by name. */
class SettingsTableTest {

    private static final DiscardingSettings DEFAULTS = DiscardingSettings.defaults();

    @Test
    void everyRowReadsBackWhatItWritesAndHasTheDefaultsOwnValue() {
        assertEquals(SettingsTable.ALL.size(), new HashSet<>(SettingsTable.ALL.stream().map(Setting::name).toList())
                .size(), "names are unique");
        for (Setting<?> s : SettingsTable.ALL) {
            assertEquals(s.get().apply(DEFAULTS), s.parse(s.textOf(DEFAULTS)), s.name());
            assertEquals(s.get().apply(DEFAULTS), s.defaultValue(), s.name());
            assertNull(s.problem(DEFAULTS), s.name());
        }
    }

    @Test
    void eachRowWritesItsOwnComponentOnly() {
        DiscardingSettings s = DEFAULTS;
        s = SettingsTable.STEPS.with(s, SettingsTable.STEPS.parse("7"));
        s = SettingsTable.SEED.with(s, SettingsTable.SEED.parse("-3"));
        s = SettingsTable.TAU.with(s, SettingsTable.TAU.parse("2.5"));
        s = SettingsTable.SIGMA0.with(s, SettingsTable.SIGMA0.parse("0.02"));
        s = SettingsTable.GRID.with(s, SettingsTable.GRID.parse("14x12"));
        s = SettingsTable.DRAWS.with(s, SettingsTable.DRAWS.parse("16"));
        s = SettingsTable.DEVICE.with(s, SettingsTable.DEVICE.parse("gpu"));
        s = SettingsTable.PHI.with(s, SettingsTable.PHI.parse("relu"));
        s = SettingsTable.METRIC.with(s, SettingsTable.METRIC.parse("ru"));
        assertEquals(new DiscardingSettings(2.5, 0.02, 14, 12, 16, DEFAULTS.checkDraws(), 7, DEFAULTS.learningRate(),
                DEFAULTS.levelRate(), DEFAULTS.sigmaMin(), DEFAULTS.sigmaMax(), -3, ComputeDevice.GPU, Phi.RELU,
                Metric.RECONSTRUCTION_UNCERTAINTY), s);
        assertEquals("14x12", SettingsTable.GRID.textOf(s));
        assertEquals("ru", SettingsTable.METRIC.textOf(s));
        assertEquals("0.02", SettingsTable.SIGMA0.textOf(s));
    }

    @Test
    void upperBoundsAreRefusedNamingTheSettingTheValueAndTheRange() {
        assertOutside(DEFAULTS.toBuilder().maxSteps(999_999_999).build(), "steps = 999999999", "1 to 100000");
        assertOutside(DEFAULTS.toBuilder().draws(Integer.MAX_VALUE).checkDraws(Integer.MAX_VALUE).build(),
                "draws = 2147483647", "1 to 128");
        assertOutside(DEFAULTS.toBuilder().checkDraws(DiscardingSettings.MAX_CHECK_DRAWS + 1).build(),
                "check draws = 4097", "4096");
        assertOutside(DEFAULTS.toBuilder().tau(0).build(), "tau = 0", "greater than 0");
        assertOutside(DEFAULTS.toBuilder().sigma0(2).build(), "sigma0 = 2", "0.0001 to 1");
        assertOutside(DEFAULTS.toBuilder().grid(new GridSize(29, 28)).build(), "29x28", "28x28");
        DiscardingSettings most = DEFAULTS.toBuilder().maxSteps(SettingsTable.MAX_STEPS)
                .draws(SettingsTable.MAX_DRAWS).checkDraws(DiscardingSettings.MAX_CHECK_DRAWS).build();
        assertSame(most, most.validated(28, 28), "the bounds themselves are allowed");
    }

    private static void assertOutside(DiscardingSettings s, String... expected) {
        SieveException e = assertThrows(SieveException.class, () -> s.validated(28, 28));
        for (String text : expected) {
            assertTrue(e.getMessage().contains(text), e.getMessage());
        }
    }

    @Test
    void textOfTheWrongFormIsRefusedWithWhatIsExpected() {
        for (String bad : List.of("0", "-4", "1.5", "many")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SettingsTable.STEPS.parse(bad), bad);
            assertTrue(e.getMessage().contains("whole number") && e.getMessage().contains(bad), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SettingsTable.TAU.parse("abc")).getMessage()
                .contains("expects a number, got 'abc'"));
        assertTrue(assertThrows(SieveException.class, () -> SettingsTable.METRIC.parse("psnr")).getMessage()
                .contains("Unknown metric 'psnr'"));
        assertTrue(assertThrows(SieveException.class, () -> SettingsTable.PHI.parse("tanh")).getMessage()
                .contains("auto, relu or identity"));
    }

    @Test
    void theGridHasOneSyntax() {
        assertEquals(new GridSize(16, 16), GridSize.parse("16x16"));
        assertEquals(new GridSize(3, 5), GridSize.parse(" 3X5 "));
        assertSame(GridSize.AUTO, GridSize.parse("Auto"));
        assertEquals("auto", GridSize.AUTO.toString());
        for (String bad : List.of("5x", "x5", "0x4", "4x-1", "4*4", "4,4", "", "16x16x1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GridSize.parse(bad), bad);
            assertTrue(e.getMessage().contains("ROWSxCOLUMNS") && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
        assertEquals(GridSize.AUTO, DEFAULTS.toBuilder().grid(new GridSize(4, 6)).grid(GridSize.AUTO).build()
                .gridSize());
    }
}
