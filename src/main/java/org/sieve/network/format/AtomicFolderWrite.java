package org.sieve.network.format;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.sieve.io.AtomicFiles;
import org.sieve.io.StagedFolder;

/**
 * Writes files into a folder so that a crash, a full disk or a failed check never leaves a
 * half-written set: everything is staged inside the folder first, then moved into place one file
 * at a time.
 */
final class AtomicFolderWrite {

    private AtomicFolderWrite() {
    }

    static void write(Path dir, Map<String, byte[]> files) {
        write(dir, files, null);
    }

    static void write(Path dir, Map<String, byte[]> files, Pattern stale) {
        write(dir, files, stale, staged -> { });
    }

    /**
     * @param files names to contents, moved into place in this order (put the file that
     *              references the others last)
     * @param stale names of earlier outputs to delete when this write does not produce them, or null
     * @param check reads the staged folder back and throws when it is not what readers accept;
     *              then nothing is moved into place
     */
    static void write(Path dir, Map<String, byte[]> files, Pattern stale, Consumer<Path> check) {
        try (StagedFolder staged = StagedFolder.in(dir)) {
            files.forEach(staged::write);
            check.accept(staged.staging());
            staged.commit();
            if (stale != null) {
                deleteStale(staged.target(), files, stale);
            }
        }
    }

    private static void deleteStale(Path target, Map<String, byte[]> files, Pattern stale) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(target)) {
            for (Path p : old) {
                String name = p.getFileName().toString();
                if (stale.matcher(name).matches() && !files.containsKey(name)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(target, e);
        }
    }
}
