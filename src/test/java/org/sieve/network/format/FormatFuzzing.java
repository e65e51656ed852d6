package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sieve.SieveException;

/**
 * The property every model-format fuzz target checks (issue 14): whatever bytes a model file
 * holds, recognising it and opening it either give a model that passes {@link ModelCheck} or
 * fail with a SieveException for bad input (exit 3) in one line that names the file and no Java
 * class; nothing is written beside the file. Any other exception, an OutOfMemoryError or a
 * stack overflow escapes to Jazzer as a finding; scripts/fuzz.sh bounds the time per input.
 */
final class FormatFuzzing {

    private static final Pattern CLASS_NAME = Pattern.compile("\\b((java|javax|org|com|io)\\.[a-z]+\\.[A-Za-z.]*)?"
            + "[A-Z][A-Za-z]*(Exception|Error)\\b");

    private FormatFuzzing() {
    }

    /** A fresh folder for one target's files. */
    static Path folder(String target) {
        try {
            return Files.createTempDirectory("sieve-fuzz-" + target + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The format Sieve lists as {@code name}. */
    static ModelFormat format(String name) {
        return ModelFormats.ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Recognises {@code file} by content, then opens it as {@code format} (its reader and the
     * load-time checks, as for a user who names the file), checking both outcomes.
     */
    static void readOrRefuse(Path file, ModelFormat format) {
        List<Path> before = listing(file.getParent());
        try {
            ModelFormats.recognise(file);
        } catch (SieveException e) {
            assertRefusal(e, file);
        }
        try {
            format.open(file);
        } catch (SieveException e) {
            assertRefusal(e, file);
        }
        assertEquals(before, listing(file.getParent()), "reading " + file + " wrote beside it");
    }

    private static void assertRefusal(SieveException e, Path file) {
        String message = e.getMessage();
        assertEquals(SieveException.BAD_INPUT, e.exitCode(), message);
        assertTrue(message.contains(file.toString()), "does not name the file: " + message);
        assertTrue(message.chars().noneMatch(Character::isISOControl), "not one plain line: " + message);
        assertFalse(CLASS_NAME.matcher(message).find(), "shows a Java class: " + message);
    }

    private static List<Path> listing(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
