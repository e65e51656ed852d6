package org.sieve.network.format.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sieve.SieveException;

/** A model whose weights would not fit the heap is refused before it is read, naming the heap to ask for. */
class OnnxHeapTest {

    private static final Path SMALL = Path.of("src/test/resources/formats/onnx/small.onnx");

    @Test
    void weightsThatWouldNotFitTheHeapAreRefusedBeforeReadingNamingTheHeapToUse() {
        SieveException e = assertThrows(SieveException.class, () -> OnnxReader.read(SMALL, null, 64L << 20));
        assertEquals(SieveException.COMPUTE_FAILED, e.exitCode());
        assertTrue(e.getMessage().contains(SMALL.toString()) && e.getMessage().contains("Sieve has 64 MB")
                && e.getMessage().contains("JAVA_TOOL_OPTIONS=-Xmx1g"), e.getMessage());
    }

    @Test
    void weightsThatFitAreRead() {
        assertEquals("Softmax", OnnxReader.read(SMALL, null, 512L << 20).output().name());
    }
}
