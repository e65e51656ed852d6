package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/cli.md is the command line as it is: regenerated here and compared with the committed page. */
class CliReferenceTest {

    private static final Path PAGE = Path.of("docs/cli.md");
    private static final Path WRITTEN = Path.of("target/cli.md");

    @Test
    void docsCliMdMatchesTheCommands() throws IOException {
        String generated = CliReference.markdown();
        Files.createDirectories(WRITTEN.getParent());
        Files.writeString(WRITTEN, generated);
        String committed = Files.exists(PAGE) ? Files.readString(PAGE) : "";
        assertEquals(committed, generated, "docs/cli.md is out of date with the command line: review "
                + WRITTEN + " and copy it over docs/cli.md");
    }

    @Test
    void everyCommandAndOptionIsInThePage() {
        String page = CliReference.markdown();
        var root = Main.commandLine(System.out, System.err);
        assertListed(page, root.getSubcommands().values());
        assertTrue(page.contains("| 3 | bad input"), "the exit statuses");
    }

    /** Each command with its options, and its own commands in turn (lesson list, lesson check, ...). */
    private static void assertListed(String page, Collection<CommandLine> commands) {
        for (var c : commands) {
            String name = c.getCommandSpec().qualifiedName();
            assertTrue(page.contains("\n## " + name + "\n") || List.of(c.getCommandSpec().aliases())
                    .contains(c.getCommandName()), name);
            for (var o : c.getCommandSpec().options()) {
                assertTrue(page.contains("`" + o.longestName() + "`"), name + " " + o.longestName());
            }
            assertListed(page, c.getSubcommands().values());
        }
    }
}
