package org.sieve.ui.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.cli.Main;
import org.sieve.ui.FileArguments;

/** The desktop entry's Exec line reaches the explorer with the files a file manager passes. */
class DesktopEntryTest {

    @Test
    void execRunsTheInstalledLauncherWhoseEntryPointOpensTheFiles() throws Exception {
        DesktopEntry entry = DesktopEntry.installed();
        assertEquals("/opt/sieve/bin/sieve", entry.program());
        // The installed launcher's entry point is Main, as for ./sieve with arguments.
        assertTrue(Files.readString(Path.of("packaging", "stage.sh")).contains("--main-class org.sieve.cli.Main"));
        List<Path> files = List.of(Path.of("sample-images", "mnist", "0-7.png").toAbsolutePath(),
                Path.of("assets", "models", "lenet5-mnist").toAbsolutePath());
        List<String> args = entry.arguments(files);
        assertEquals(files.stream().map(Path::toString).toList(), args);
        assertTrue(FileArguments.only(args.toArray(String[]::new), Main::isCommand), args.toString());
    }
}
