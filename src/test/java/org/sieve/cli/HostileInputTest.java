package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The command line against hostile and careless input (issue 14's table, one case or more per
 * row, and valid but unusual images): each case is built by {@link HostileCases} into
 * target/hostile and run through {@link Main#run} as a user would. A refusal must exit with its
 * status within the time bound, say in one line which file or value is wrong, show no stack
 * trace or Java class name, and write nothing outside the case's own folder.
 */
@Tag("slow")
class HostileInputTest {

    /** Every case, even a 12-megapixel image, is answered within this. */
    private static final Duration BOUND = Duration.ofSeconds(90);

    private static HostileCases cases;

    @BeforeAll
    static void build() throws IOException {
        cases = HostileCases.buildIn(Path.of("target", "hostile"));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsAnsweredAsPromised() {
        return cases.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    private static void check(HostileCases.Case c) throws IOException {
        Set<Path> before = listing(c.sandbox());
        MainTest.Outcome o = assertTimeoutPreemptively(BOUND, () -> MainTest.sieve(c.args()), c + " hangs");
        assertEquals(c.status(), o.status(), c + ": " + o.err());
        String err = o.err();
        assertFalse(err.contains("\tat ") || err.matches("(?s).*\\b(java|javax|org|com)\\.[a-z]+\\.[A-Za-z.]*"
                + "(Exception|Error)\\b.*") || err.matches("(?s).*\\b[A-Z][A-Za-z]*(Exception|Error)\\b.*"),
                c + " shows a stack trace or exception class:\n" + err);
        assertFalse(err.contains("\u001b") || o.out().contains("\u001b"), c + " lets an escape sequence reach the terminal");
        if (c.status() != 0) {
            List<String> lines = err.lines().filter(l -> !l.isBlank() && !l.startsWith("See '")).toList();
            assertEquals(1, lines.size(), c + " says more than one line:\n" + err);
            assertTrue(lines.get(0).contains(c.mention()), c + " does not name '" + c.mention() + "':\n" + err);
        }
        for (String fragment : c.stdoutMentions()) {
            assertTrue(o.out().contains(fragment), c + " prints no '" + fragment + "':\n" + o.out());
        }
        Set<Path> added = new java.util.TreeSet<>(listing(c.sandbox()));
        added.removeAll(before);
        added.removeIf(p -> p.startsWith(c.out()));
        assertEquals(Set.of(), added, c + " wrote outside --out");
        c.after().check(o);
    }

    private static Set<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    /** The cases' own checks after the common ones. */
    @FunctionalInterface
    interface After {
        void check(MainTest.Outcome o) throws IOException;

        After NOTHING = o -> {
        };
    }

    static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}
