package org.sieve.network.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * The ONNX reader on arbitrary bytes (issue 14): a protobuf ModelProto loads or is refused, as
 * {@link FormatFuzzing} checks. The normal test run replays the committed corpus in
 * OnnxFuzzTestInputs; scripts/fuzz.sh onnx fuzzes.
 */
class OnnxFuzzTest {

    private static final ModelFormat FORMAT = FormatFuzzing.format("ONNX");
    private static final Path FILE = FormatFuzzing.folder("onnx").resolve("model.onnx");

    @FuzzTest(maxDuration = "10m")
    void anyOnnxLoadsOrGivesAMessage(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** Jazzer's entry point, for fuzzing from the command line (scripts/fuzz.sh). */
    public static void fuzzerTestOneInput(byte[] data) {
        FormatFuzzing.write(FILE, data);
        FormatFuzzing.readOrRefuse(FILE, FORMAT);
    }
}
