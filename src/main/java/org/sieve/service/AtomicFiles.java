package org.sieve.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sieve.SieveException;

/** Files written beside their target and moved into place, so no reader (or rerun) ever sees half a file. */
final class AtomicFiles {

    /** Temporary files start with this; a killed process may leave some behind. */
    static final String TEMP_PREFIX = ".sieve-";
    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    static void writeText(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new SieveException("Cannot write " + file + ": " + reason(e) + ".", e);
        }
    }

    /** A reason a person understands, above all for a full disk. */
    static String reason(IOException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("No space left")) {
            return "the disk is full (No space left on device); free some space";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return e.getClass().getSimpleName() + ": " + text;
    }

    static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Only clean-up; the caller reports the error that matters.
            }
        }
    }
}
