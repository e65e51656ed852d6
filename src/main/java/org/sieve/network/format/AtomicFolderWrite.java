package org.sieve.network.format;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.sieve.SieveException;
import org.sieve.io.AtomicFiles;

/**
 * Writes files into a folder so that a crash never leaves a half-written file: everything is
 * written into a temporary sibling folder first, then renamed into place one file at a time.
 */
final class AtomicFolderWrite {

    private AtomicFolderWrite() {
    }

    static void write(Path dir, Map<String, byte[]> files) {
        write(dir, files, null);
    }

    /**
     * @param files names to contents, moved into place in this order (put the file that
     *              references the others last)
     * @param stale names of earlier outputs to delete when this write does not produce them, or null
     */
    static void write(Path dir, Map<String, byte[]> files, Pattern stale) {
        Path target = dir.toAbsolutePath().normalize();
        Path temp = null;
        try {
            Files.createDirectories(target);
            temp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(temp.resolve(f.getKey()), f.getValue());
            }
            for (String name : files.keySet()) {
                AtomicFiles.move(temp.resolve(name), target.resolve(name));
            }
            if (stale != null) {
                deleteStale(target, files, stale);
            }
        } catch (IOException e) {
            throw new SieveException("Cannot write to " + dir + " (" + e.getMessage()
                    + "). Check that the folder is writable and the disk has space.", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteStale(Path target, Map<String, byte[]> files, Pattern stale) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(target)) {
            for (Path p : old) {
                String name = p.getFileName().toString();
                if (stale.matcher(name).matches() && !files.containsKey(name)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Removes what is left of the temporary folder after a failure; it was never visible as the model. */
    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(temp)) {
            for (Path p : left) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // A leftover hidden temp folder is harmless; the write itself already succeeded or failed.
        }
    }
}
