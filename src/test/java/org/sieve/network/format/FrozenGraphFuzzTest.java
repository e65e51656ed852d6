package org.sieve.network.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * The frozen TensorFlow GraphDef (.pb) reader on arbitrary bytes (issue 14): loads or is refused,
 * as {@link FormatFuzzing} checks. The normal test run replays the committed corpus in
 * FrozenGraphFuzzTestInputs; scripts/fuzz.sh pb fuzzes.
 */
class FrozenGraphFuzzTest {

    private static final ModelFormat FORMAT = FormatFuzzing.format("frozen TensorFlow GraphDef (.pb)");
    private static final Path FILE = FormatFuzzing.folder("pb").resolve("model.pb");

    @FuzzTest(maxDuration = "10m")
    void anyGraphDefLoadsOrGivesAMessage(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** Jazzer's entry point, for fuzzing from the command line (scripts/fuzz.sh). */
    public static void fuzzerTestOneInput(byte[] data) {
        FormatFuzzing.write(FILE, data);
        FormatFuzzing.readOrRefuse(FILE, FORMAT);
    }
}
