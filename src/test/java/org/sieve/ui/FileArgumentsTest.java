package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which start-up arguments open the explorer on files instead of running a command, and as what. */
class FileArgumentsTest {

    private static final Predicate<String> COMMANDS = Set.of("models", "analyze", "help")::contains;

    @TempDir
    Path temp;

    @Test
    void pathsOfExistingFilesAndFoldersOpenTheExplorer() throws IOException {
        Path image = Files.createFile(temp.resolve("photo.png"));
        assertTrue(FileArguments.only(new String[] {image.toString()}, COMMANDS));
        assertTrue(FileArguments.only(new String[] {image.toString(), temp.toString()}, COMMANDS));
        assertTrue(FileArguments.only(new String[] {"./assets/models/lenet5-mnist/model.json"}, COMMANDS));
        // A file in the current folder, named as a file manager would not but a user might type it.
        assertTrue(FileArguments.only(new String[] {"pom.xml"}, COMMANDS));
    }

    @Test
    void commandsOptionsAndMissingFilesDoNot() {
        assertFalse(FileArguments.only(new String[0], COMMANDS));
        assertFalse(FileArguments.only(new String[] {"models"}, COMMANDS));
        assertFalse(FileArguments.only(new String[] {temp.resolve("missing.png").toString()}, COMMANDS));
        assertFalse(FileArguments.only(new String[] {temp.toString(), "--self-test"}, COMMANDS));
        assertFalse(FileArguments.only(new String[] {"/bad\u0000path"}, COMMANDS));
    }

    @Test
    void aCommandWinsOverAFileOfItsName() throws IOException {
        Path models = Files.createFile(temp.resolve("models"));
        assertFalse(FileArguments.only(new String[] {"models", models.toString()},
                Set.of("models")::contains));
    }

    @Test
    void filesAreImagesByContentAndEverythingElseAModel() {
        assertEquals(FileArguments.Kind.IMAGE, FileArguments.Kind.of(Path.of("sample-images/mnist/0-7.png")));
        assertEquals(FileArguments.Kind.MODEL, FileArguments.Kind.of(Path.of("assets/models/lenet5-mnist")));
        assertEquals(FileArguments.Kind.MODEL,
                FileArguments.Kind.of(Path.of("src/test/resources/formats/small-cnn.h5")));
    }

    @Test
    void aLessonFileOpensAsALessonAndAModelsJsonStaysAModel() {
        assertEquals(FileArguments.Kind.LESSON,
                FileArguments.Kind.of(Path.of("assets/lessons/what-a-cnn-throws-away.json")));
        assertEquals(FileArguments.Kind.MODEL, FileArguments.Kind.of(Path.of("assets/models/lenet5-mnist/model.json")));
    }

    @Test
    void aMissingFileIsNamed() {
        assertEquals("nothing-here.png", FileArguments.firstMissing(List.of("pom.xml", "nothing-here.png")).orElseThrow());
        assertTrue(FileArguments.looksLikeFile("photo.jpg"));
        assertTrue(FileArguments.looksLikeFile("some/folder"));
        assertFalse(FileArguments.looksLikeFile("analyse"));
        assertFalse(FileArguments.looksLikeFile("--version"));
    }
}
