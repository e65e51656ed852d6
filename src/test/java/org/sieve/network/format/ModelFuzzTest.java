package org.sieve.network.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.sieve.SieveException;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.common.TfjsFiles;

/**
 * Model reading on arbitrary files (issue 14, point 2): a TF.js layers folder whose model.json
 * (with its weights manifest) or sieve.json is fuzzed, beside valid shards. Reading either
 * succeeds or fails with a SieveException; nothing else. The first byte picks the file. The
 * normal test run replays the committed corpus in ModelFuzzTestInputs; scripts/fuzz fuzzes.
 */
class ModelFuzzTest {

    private static final Path BASE = base();
    private static final Path DIR = scratch();

    @FuzzTest(maxDuration = "10m")
    void anyModelFilesLoadOrGiveAMessage(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** Jazzer's entry point, for fuzzing from the command line (scripts/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        boolean sieveJson = (data[0] & 1) == 1;
        byte[] text = Arrays.copyOfRange(data, 1, data.length);
        try {
            for (String name : new String[] {TfjsFiles.MODEL_JSON, SieveJson.FILE}) {
                boolean fuzzed = name.equals(sieveJson ? SieveJson.FILE : TfjsFiles.MODEL_JSON);
                Files.write(DIR.resolve(name), fuzzed ? text : Files.readAllBytes(BASE.resolve(name)));
            }
            ModelStore.readMetadata(DIR);
            SieveJson.read(DIR, TfjsLayersFormat.read(DIR));
        } catch (SieveException expected) {
            // Refused with a message: what a damaged model must give.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path base() {
        try {
            Path dir = Files.createTempDirectory("sieve-fuzz-base-").resolve("fuzz-model");
            ModelStore.save(ModelStore.inMemory(TestNetworks.convStack(1f, 1), ModelMetadata.defaults("fuzz-model",
                    TestNetworks.convStack(1f, 1))), dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path scratch() {
        try {
            Path dir = Files.createTempDirectory("sieve-fuzz-model-");
            try (var shards = Files.list(BASE)) {
                for (Path shard : shards.filter(p -> p.toString().endsWith(".bin")).toList()) {
                    Files.copy(shard, dir.resolve(shard.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
