package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.analysis.ResultJson;
import org.sieve.analysis.Version;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.Setting;
import org.sieve.metrics.SettingsTable;

/** The declared command line: help made from the commands and the settings table, usage errors, exit codes. */
class CommandLineTest {

    static final List<String> COMMANDS = List.of("models", "layers", "analyze", "predict", "import", "batch", "cache", "train",
            "train-decoders", "bench", "snapshot", "lesson", "completion");
    static final String IMAGE = "sample-images/mnist/0-7.png";

    @TempDir
    Path dir;

    static MainTest.Outcome analyze(String... extra) {
        List<String> args = new ArrayList<>(List.of("analyze", "--model", "lenet5-mnist", "--image", IMAGE));
        args.addAll(List.of(extra));
        return MainTest.sieve(args.toArray(String[]::new));
    }

    @Test
    void helpListsEveryCommandAndEachCommandExplainsItself() {
        MainTest.Outcome help = MainTest.sieve("help");
        assertEquals(0, help.status(), help.err());
        assertEquals(help.out(), MainTest.sieve("--help").out());
        assertEquals(help.out(), MainTest.sieve().out(), "no command: the help");
        for (String command : COMMANDS) {
            assertTrue(help.out().matches("(?s).*\n  " + command + "[ ,].*"), command + " in\n" + help.out());
            MainTest.Outcome own = MainTest.sieve(command, "--help");
            assertEquals(0, own.status(), command);
            assertEquals(own.out(), MainTest.sieve("help", command).out(), command);
            assertTrue(own.out().contains("Usage: sieve " + command) && own.out().contains("-h, --help"), own.out());
        }
        assertEquals("sieve " + Version.SIEVE, MainTest.sieve("--version").out().strip());
    }

    @Test
    void theAnalysisCommandsTakeEverySettingOfTheTableWithItsExplanationAndDefault() {
        Map<String, DiscardingSettings> defaults = Map.of("analyze", DiscardingSettings.defaults(), "batch",
                DiscardingSettings.defaults(), "bench", BenchCommand.DEFAULTS, "snapshot", DiscardingSettings.defaults());
        for (Map.Entry<String, DiscardingSettings> command : defaults.entrySet()) {
            // Compared without white space: the help wraps lines, also inside hyphenated words.
            String help = bare(MainTest.sieve(command.getKey(), "--help").out());
            for (Setting<?> s : SettingsTable.ALL) {
                String expected = "--" + s.name() + "=" + s.valueLabel() + s.explanation() + " Default: "
                        + s.textOf(command.getValue()) + "; allowed: " + s.values().range() + ".";
                assertTrue(help.contains(bare(expected)), s.name() + " in " + command.getKey() + ":\n" + help);
            }
        }
    }

    private static String bare(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void givenSettingsReachTheAnalysis() {
        MainTest.Outcome o = analyze("--layers", "conv1", "--steps", "3", "--seed", "5", "--grid", "7x7", "--phi",
                "relu", "--draws", "2", "--tau", "1.25", "--no-cache", "--json", "--out", dir.resolve("r").toString());
        assertEquals(0, o.status(), o.err());
        JsonObject settings = ResultJson.parse(o.out()).getAsJsonObject("settings");
        assertEquals(3, settings.get("steps").getAsInt());
        assertEquals(5, settings.get("seed").getAsLong());
        assertEquals(2, settings.get("draws").getAsInt());
        assertEquals(64, settings.get("checkDraws").getAsInt());
        assertEquals(1.25, settings.get("tau").getAsDouble());
        assertEquals("relu", settings.get("phi").getAsString());
        JsonArray grid = settings.getAsJsonArray("grid");
        assertEquals(List.of(7, 7), List.of(grid.get(0).getAsInt(), grid.get(1).getAsInt()));
    }

    @Test
    void usageErrorsAreExitTwoWithTheMessageAndWhereTheHelpIs() {
        assertUsage(MainTest.sieve("models", "--colour"), "Unknown option: '--colour'", "sieve models --help");
        assertUsage(analyze("--steps"), "Missing required parameter for option '--steps'", "sieve analyze --help");
        assertUsage(analyze("--tau", "abc"), "Invalid value for option '--tau': expects a number, got 'abc'",
                "sieve analyze --help");
        assertUsage(analyze("--grid", "5x"), "Invalid value for option '--grid'", "got '5x'");
        assertUsage(analyze("--draws", "0"), "Invalid value for option '--draws'", "at least 1");
        assertUsage(MainTest.sieve("analyze", "--image", IMAGE), "Missing required option: '--model=M'",
                "sieve analyze --help");
        assertUsage(MainTest.sieve("frobnicate"), "'frobnicate'", "sieve --help");
        assertUsage(MainTest.sieve("batch", "--model", "lenet5-mnist", "--images", ".", "--out", "x", "--mask",
                "strokes"), "--mask", "auto, none");
    }

    private static void assertUsage(MainTest.Outcome o, String... expected) {
        assertEquals(2, o.status(), o.err());
        for (String text : expected) {
            assertTrue(o.err().toLowerCase().contains(text.toLowerCase()), text + " in: " + o.err());
        }
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
        assertEquals("", o.out());
    }

    @Test
    void valuesOutOfRangeAreBadInputRefusedBeforeAnyWork() {
        MainTest.Outcome draws = analyze("--draws", "2147483647");
        assertEquals(3, draws.status(), draws.err());
        assertTrue(draws.err().contains("draws = 2147483647 is outside its allowed range, 1 to 128"), draws.err());
        MainTest.Outcome steps = analyze("--steps", "999999999");
        assertEquals(3, steps.status(), steps.err());
        assertTrue(steps.err().contains("steps = 999999999") && steps.err().contains("1 to 100000"), steps.err());
        MainTest.Outcome metric = analyze("--metric", "foo");
        assertEquals(3, metric.status());
        assertTrue(metric.err().contains("'--metric': Unknown metric 'foo'"), metric.err());
        MainTest.Outcome device = analyze("--device", "tpu");
        assertEquals(3, device.status());
        assertTrue(device.err().contains("'--device': Unknown device 'tpu'"), device.err());
        for (MainTest.Outcome o : List.of(draws, steps, metric, device)) {
            assertFalse(o.err().contains("Exception") || o.err().contains("LAYER"), o.err());
        }
    }

    @Test
    void completionCoversCommandsOptionsAndTheirValues() {
        MainTest.Outcome o = MainTest.sieve("completion");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("complete -F _complete_sieve"), "registers the function");
        for (String expected : List.of("train-decoders", "--compare-model", "\"information-discarding\" \"ru\"",
                "\"viridis\" \"inferno\"", "\"lenet5\" \"alexnet\"", "\"auto\" \"relu\" \"identity\"")) {
            assertTrue(o.out().contains(expected), expected);
        }
    }
}
