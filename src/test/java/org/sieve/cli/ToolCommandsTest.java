package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.cli.MainTest.Outcome;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Network;
import org.sieve.network.format.ModelStore;

/** The project's tools as hidden commands: real files in, real files out, the documented exit statuses. */
class ToolCommandsTest {

    private static final Path TESTSETS = Path.of("src/test/resources/testsets");

    @TempDir
    Path dir;

    @Test
    void exportsPngsOfEveryClassFromIdxFiles() throws IOException {
        Path out = dir.resolve("mnist");
        Outcome o = MainTest.sieve(idxArgs("export-samples", "mnist", "12", out.toString()));
        assertEquals(0, o.status(), o.err());
        List<String> names = files(out);
        assertEquals(12, names.size(), names.toString());
        for (int digit = 0; digit < 10; digit++) {
            String label = "-" + digit + ".png";
            assertTrue(names.stream().anyMatch(n -> n.endsWith(label)), "a " + digit + " among " + names);
        }
    }

    @Test
    void exportsTheFirstImagesAsIdxFiles() throws IOException {
        Outcome o = MainTest.sieve(idxArgs("export-samples", "fashion", "7", dir.toString(), "--idx"));
        assertEquals(0, o.status(), o.err());
        assertEquals(List.of("fashion-test-7-images.idx.gz", "fashion-test-7-labels.idx.gz"), files(dir));
    }

    @Test
    void refusesMoreImagesThanTheTestSetHoldsAndHalfAPairOfFiles() {
        Outcome tooMany = MainTest.sieve(idxArgs("export-samples", "mnist", "501", dir.toString()));
        assertEquals(3, tooMany.status(), tooMany.err());
        assertTrue(tooMany.err().contains("at most 500"), tooMany.err());
        Outcome half = MainTest.sieve("export-samples", "mnist", "3", dir.toString(), "--images", "x.idx");
        assertEquals(2, half.status(), half.err());
    }

    @Test
    void cutsAModelAfterALayerAndSavesAFolderThatLoads() {
        Network whole = TestNetworks.convStack(1f, 3);
        Path source = dir.resolve("whole");
        ModelStore.save(ModelStore.inMemory(whole, ModelMetadata.defaults("whole", whole)), source);
        String keep = whole.layers().get(1).name();
        Path target = dir.resolve("cut");
        Outcome o = MainTest.sieve("cut-model", source.toString(), keep, target.toString());
        assertEquals(0, o.status(), o.err());
        Model cut = ModelStore.load(target);
        assertEquals(keep, cut.network().layers().get(cut.network().layers().size() - 1).name());
        assertTrue(cut.network().parameterCount() < whole.parameterCount());
        Outcome missing = MainTest.sieve("cut-model", source.toString(), "no-such-layer", dir.resolve("x").toString());
        assertEquals(3, missing.status(), missing.err());
    }

    @Test
    void findingsReportWritesItsTableAndRefusesWhatItCannotRead() throws IOException {
        Path batches = Files.createDirectories(dir.resolve("batches"));
        Outcome empty = MainTest.sieve("findings-report", batches.toString(), dir.resolve("out").toString());
        assertEquals(0, empty.status(), empty.err());
        assertTrue(Files.readString(dir.resolve("out/findings.md")).contains("| finding | model | verdict |"));
        Outcome missing = MainTest.sieve("findings-report", dir.resolve("none").toString(), dir.toString());
        assertEquals(3, missing.status(), missing.err());
        Outcome badPair = MainTest.sieve("findings-report", batches.toString(), dir.toString(), "--better-trained", "a");
        assertEquals(2, badPair.status(), badPair.err());
    }

    @Test
    void toolsAreHiddenFromTheHelp() {
        String help = MainTest.sieve("help").out();
        for (String tool : List.of("cut-model", "findings-report", "export-samples")) {
            assertFalse(help.contains(tool), tool + " in " + help);
        }
    }

    private static String[] idxArgs(String... args) {
        String set = args[1];
        return Stream.concat(Stream.of(args), Stream.of("--images",
                TESTSETS.resolve(set + "-test-500-images.idx.gz").toString(), "--labels",
                TESTSETS.resolve(set + "-test-500-labels.idx.gz").toString())).toArray(String[]::new);
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
