package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which start-up arguments open the explorer on files instead of running a command. */
class FileArgumentsTest {

    @TempDir
    Path temp;

    @Test
    void pathsOfExistingFilesAndFoldersOpenTheExplorer() throws IOException {
        Path image = Files.createFile(temp.resolve("photo.png"));
        assertTrue(FileArguments.only(new String[] {image.toString()}));
        assertTrue(FileArguments.only(new String[] {image.toString(), temp.toString()}));
        assertTrue(FileArguments.only(new String[] {"./assets/models/lenet5-mnist/model.json"}));
    }

    @Test
    void commandsMissingFilesAndBareNamesDoNot() {
        assertFalse(FileArguments.only(new String[0]));
        assertFalse(FileArguments.only(new String[] {"models"}));
        // "assets" exists here, but a bare word is always a command.
        assertFalse(FileArguments.only(new String[] {"assets"}));
        assertFalse(FileArguments.only(new String[] {temp.resolve("missing.png").toString()}));
        assertFalse(FileArguments.only(new String[] {temp.toString(), "--self-test"}));
        assertFalse(FileArguments.only(new String[] {"/bad\u0000path"}));
    }
}
