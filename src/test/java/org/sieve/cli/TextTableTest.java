package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Columns line up whatever the length of a name; numbers are right-aligned. */
class TextTableTest {

    @Test
    void aLongNameWidensItsColumnInsteadOfPushingTheNextOne() {
        var bytes = new ByteArrayOutputStream();
        new TextTable("LAYER", "TYPE", "PARAMETERS").alignRight(2)
                .add("conv1", "Conv2D", "156")
                .add("block3_sepconv2_depthwise_and_more", "DepthwiseConv2D", "12,345")
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        int type = lines[0].indexOf("TYPE");
        assertEquals(type, lines[1].indexOf("Conv2D"));
        assertEquals(type, lines[2].indexOf("DepthwiseConv2D"));
        assertEquals(lines[2].length(), lines[1].length(), "numbers end in one column");
        assertEquals(lines[0].length(), lines[1].length());
    }
}
