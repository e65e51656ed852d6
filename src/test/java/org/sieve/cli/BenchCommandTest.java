package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void benchReportsEveryPhaseTheCountersAndTheShareOfPeak() {
        MainTest.Outcome o = MainTest.sieve("bench", "--model", "lenet5-mnist", "--image", CommandLineTest.IMAGE,
                "--layers", "conv1,fc1", "--steps", "4", "--repeats", "1", "--fused-only");
        assertEquals(0, o.status(), o.err());
        for (String expected : new String[] {"CPU allocator best-fit", "Building the TensorFlow graph",
                "Estimating D0", "first optimisation step", "optimisation steps after the first",
                "Checking the constraint on fresh noise", "minor page faults, system time", "GFLOP/s (",
                "optimisation step, all 2 layers fused"}) {
            assertTrue(o.out().contains(expected), expected + " in:\n" + o.out());
        }
    }

    @Test
    void touchingFreshMemoryCountsMinorFaults() {
        ProcessCounters before = ProcessCounters.now();
        assertTrue(before.known(), "this test runs on Linux, which has /proc/self/stat");
        int bytes = 64 << 20;
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes);
        for (int i = 0; i < bytes; i += 4096) {
            buffer.put(i, (byte) 1);
        }
        ProcessCounters delta = ProcessCounters.now().since(before);
        // One fault per fresh 4 kB page at most; transparent huge pages may serve several at once.
        assertTrue(delta.minorFaults() >= 16, "minor faults " + delta.minorFaults());
        assertTrue(delta.userSeconds() >= 0 && delta.systemSeconds() >= 0, delta.toString());
    }
}
