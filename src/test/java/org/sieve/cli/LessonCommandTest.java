package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sieve lesson}: the bundled lessons listed, a damaged file refused with status 3, a missing target with 2. */
class LessonCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsTheBundledLessons() {
        MainTest.Outcome o = MainTest.sieve("lesson", "list");
        assertEquals(0, o.status(), o.err());
        for (String name : new String[] {"what-a-cnn-throws-away", "training-changes-what-is-kept",
                "rebuilding-the-image-from-a-layer", "what-a-photo-network-keeps"}) {
            assertTrue(o.out().contains(name), o.out());
        }
    }

    @Test
    void damagedLessonIsBadInputNamingStepAndField() throws Exception {
        Path file = dir.resolve("damaged.json");
        Files.writeString(file, Files.readString(Path.of("assets", "lessons", "what-a-cnn-throws-away.json"))
                .replaceFirst("\"layers\": \\[\"conv2\", \"pool2\"\\]", "\"layers\": [\"conv2\", \"pool9\"]"));
        MainTest.Outcome o = MainTest.sieve("lesson", "check", file.toString());
        assertEquals(3, o.status(), o.err());
        assertTrue(o.err().contains("damaged.json, step 2 (\"The second convolution\"), field view.panels[0].layers: No layer named"
                + " 'pool9'"), o.err());
    }

    @Test
    void exportNeedsATarget() {
        MainTest.Outcome o = MainTest.sieve("lesson", "export", "what-a-cnn-throws-away");
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("--pdf FILE.pdf, --png DIR or both"), o.err());
    }
}
