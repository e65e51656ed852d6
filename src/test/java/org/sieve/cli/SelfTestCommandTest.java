package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sieve --self-test}: one line, exit 0 only when the installation works. */
class SelfTestCommandTest {

    @TempDir
    Path empty;

    @Test
    void passesHereAndPrintsOneLine() {
        MainTest.Outcome o = MainTest.sieve("--self-test");
        assertEquals(0, o.status(), o.out() + o.err());
        assertTrue(o.out().startsWith("Sieve self-test passed in "), o.out());
        assertEquals(1, o.out().lines().count(), o.out());
    }

    @Test
    void failsWithStatus4WhereTheBundledModelsAreMissing() {
        String home = System.getProperty("sieve.home");
        System.setProperty("sieve.home", empty.toString());
        try {
            MainTest.Outcome o = MainTest.sieve("--self-test");
            assertEquals(4, o.status(), o.out());
            assertTrue(o.out().contains("model FAILED") && o.out().contains(empty.toString()), o.out());
        } finally {
            if (home == null) {
                System.clearProperty("sieve.home");
            } else {
                System.setProperty("sieve.home", home);
            }
        }
    }
}
