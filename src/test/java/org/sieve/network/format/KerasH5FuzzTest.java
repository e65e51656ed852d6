package org.sieve.network.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * The Keras 2 .h5 reader on arbitrary bytes (issue 14): an HDF5 file (read by jhdf) loads or is
 * refused, as {@link FormatFuzzing} checks. The normal test run replays the committed corpus in
 * KerasH5FuzzTestInputs; scripts/fuzz.sh h5 fuzzes.
 */
class KerasH5FuzzTest {

    private static final ModelFormat FORMAT = FormatFuzzing.format("Keras 2 .h5 (whole model)");
    private static final Path FILE = FormatFuzzing.folder("h5").resolve("model.h5");

    @FuzzTest(maxDuration = "10m")
    void anyH5LoadsOrGivesAMessage(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** Jazzer's entry point, for fuzzing from the command line (scripts/fuzz.sh). */
    public static void fuzzerTestOneInput(byte[] data) {
        FormatFuzzing.write(FILE, data);
        FormatFuzzing.readOrRefuse(FILE, FORMAT);
    }
}
