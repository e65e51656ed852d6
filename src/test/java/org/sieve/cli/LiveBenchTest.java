package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code sieve bench --live}: frames come back while the scripted pen draws or the crop box moves. */
@Tag("slow")
class LiveBenchTest {

    private static final Pattern RATE = Pattern.compile("(?m)^(\\d+\\.\\d) frames/s$");
    private static final Pattern PREPARED = Pattern.compile("(?m)^graph prepared (\\d+) ms after the model was opened$");
    private static final Pattern FIRST = Pattern.compile("(?m)^first frame (\\d+) ms after pen-down$");

    private static long millis(Pattern line, MainTest.Outcome o) {
        Matcher m = line.matcher(o.out());
        assertTrue(m.find(), o.out());
        return Long.parseLong(m.group(1));
    }

    private static double framesPerSecond(MainTest.Outcome o) {
        assertEquals(0, o.status(), o.err());
        Matcher m = RATE.matcher(o.out());
        assertTrue(m.find(), o.out());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void mapsFollowThePen() {
        MainTest.Outcome o = MainTest.sieve("bench", "--live", "--model", "lenet5-mnist", "--layers", "conv1,fc1",
                "--seconds", "1");
        assertTrue(o.out().contains("2 layers, 4 fused steps per frame") && o.out().contains("pen events"), o.out());
        assertTrue(framesPerSecond(o) > 0, o.out());
        // The graph is prepared when the model opens, so the first frame after pen-down is one frame.
        long prepared = millis(PREPARED, o);
        long first = millis(FIRST, o);
        assertTrue(prepared > 0 && first > 0 && first < prepared, o.out());
    }

    @Test
    void mapsFollowACropBoxOverAPhoto() {
        MainTest.Outcome o = MainTest.sieve("bench", "--live", "--model", "lenet5-mnist", "--layers", "conv1",
                "--seconds", "1", "--image", "sample-images/astronaut.png");
        assertTrue(o.out().contains("crop box moves over astronaut.png"), o.out());
        assertTrue(framesPerSecond(o) > 0, o.out());
    }

    @Test
    void aPhotoThatCannotBeReadIsSaidPlainly() {
        MainTest.Outcome o = MainTest.sieve("bench", "--live", "--model", "lenet5-mnist", "--seconds", "1",
                "--image", "no-such-photo.png");
        assertTrue(o.status() != 0, o.out());
        assertTrue(o.err().contains("no-such-photo.png") && !o.err().contains("Exception"), o.err());
    }
}
