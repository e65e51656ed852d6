package org.sieve.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import org.sieve.SieveException;

/**
 * Files written beside their target and moved into place, so no reader (or rerun) ever sees
 * half a file; failures become one line a person understands, above all a full disk.
 */
public final class AtomicFiles {

    /** Temporary files start with this; a killed process may leave some behind. */
    public static final String TEMP_PREFIX = ".sieve-";
    public static final String TEMP_SUFFIX = ".tmp";

    /** Writes a file's content into the temporary file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    public static void writeText(Path file, String text) {
        write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /** Creates the folder if needed, writes into a temporary file there, then moves it into place. */
    public static void write(Path file, Content content) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new SieveException("Cannot write " + target + ": it is a folder. Give a file name.");
        }
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = createTemporary(target.getParent());
            content.writeTo(tmp);
            move(tmp, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw failure(target, e);
        }
    }

    /**
     * The one line for a write that failed: a full disk says so (exit status 4, a resource ran out),
     * anything else names the folder to fix or replace (exit status 3).
     */
    public static SieveException failure(Path target, IOException e) {
        if (diskFull(e)) {
            return new SieveException("Cannot write " + target + ": the disk is full (No space left on device)."
                    + " Free some space or choose an output folder on another disk, then run the command again.",
                    SieveException.COMPUTE_FAILED, e);
        }
        return new SieveException("Cannot write " + target + ": the folder " + target.getParent()
                + " cannot be created or written (" + reason(e)
                + "). Choose another output folder or fix its permissions.", e);
    }

    /**
     * A new temporary file in {@code folder}, created with the user's umask (createTempFile would
     * make it 0600, and the result files with it, whatever the umask).
     */
    public static Path createTemporary(Path folder) throws IOException {
        while (true) {
            try {
                return Files.createFile(folder.resolve(TEMP_PREFIX + Long.toUnsignedString(RANDOM.nextLong(), 36)
                        + TEMP_SUFFIX));
            } catch (FileAlreadyExistsException e) {
                // Another writer drew the same name; draw again.
            }
        }
    }

    /** An atomic move where the file system offers one, a plain replacing move otherwise. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A reason a person understands, above all for a full disk. */
    public static String reason(IOException e) {
        String text = String.valueOf(e.getMessage());
        if (diskFull(e)) {
            return "the disk is full (No space left on device); free some space";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return text;
    }

    /**
     * True when the file system said it has no space, also where a writer (ImageIO's "I/O error
     * writing PNG file") wrapped that in its own words.
     */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    public static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Only clean-up; the caller reports the error that matters.
            }
        }
    }
}
