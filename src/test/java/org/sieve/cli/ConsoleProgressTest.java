package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.metrics.StepEvent;

/** Plain progress lines (no terminal) with the time the remaining steps take at most. */
class ConsoleProgressTest {

    @Test
    void linesSayHowLongIsLeftAtMost() {
        var bytes = new ByteArrayOutputStream();
        long[] now = {1_000};
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                () -> now[0]);
        p.started(List.of("conv1"), 200);
        for (int step = 1; step <= 6; step++) {
            p.step(new StepEvent("conv1", 0, step, 200, 0, 1.2, 0, -3));
            now[0] += 20_000; // 20 s a step, as a photo model's deep layers take here
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        // Step 1 (a quarter: 0), then one line every 30 s or more: steps 3 and 5.
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(!lines.get(0).contains("left"), "no estimate from one step: " + lines.get(0));
        assertTrue(lines.get(1).contains("   3/200 ") && lines.get(1).endsWith("<= 66 min left"), lines.get(1));
        assertTrue(lines.get(2).contains("   5/200 ") && lines.get(2).endsWith("<= 65 min left"), lines.get(2));
    }
}
