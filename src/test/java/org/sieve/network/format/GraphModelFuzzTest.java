package org.sieve.network.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.sieve.network.format.common.TfjsFiles;

/**
 * The TensorFlow.js graph model reader on arbitrary input (issue 14), as {@link FormatFuzzing}
 * checks. A small valid model (formats/tiny-graph) lies in the folder; the first byte picks
 * which of its files the rest replaces: model.json when odd, its weight shard when even. The
 * normal test run replays the committed corpus in GraphModelFuzzTestInputs; scripts/fuzz.sh
 * tfjs-graph fuzzes.
 */
class GraphModelFuzzTest {

    private static final String SHARD = "group1-shard1of1.bin";
    private static final ModelFormat FORMAT = FormatFuzzing.format("TensorFlow.js graph model");
    private static final Path DIR = FormatFuzzing.folder("tfjs-graph");
    private static final Path JSON = DIR.resolve(TfjsFiles.MODEL_JSON);
    private static final byte[] BASE_JSON = resource(TfjsFiles.MODEL_JSON);
    private static final byte[] BASE_SHARD = resource(SHARD);

    @FuzzTest(maxDuration = "10m")
    void anyGraphModelLoadsOrGivesAMessage(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** Jazzer's entry point, for fuzzing from the command line (scripts/fuzz.sh). */
    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        boolean json = (data[0] & 1) == 1;
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        FormatFuzzing.write(JSON, json ? rest : BASE_JSON);
        FormatFuzzing.write(DIR.resolve(SHARD), json ? BASE_SHARD : rest);
        FormatFuzzing.readOrRefuse(JSON, FORMAT);
    }

    private static byte[] resource(String name) {
        try (InputStream in = GraphModelFuzzTest.class.getResourceAsStream("/formats/tiny-graph/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
