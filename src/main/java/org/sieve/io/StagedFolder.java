package org.sieve.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sieve.SieveException;

/**
 * A set of files written into a hidden staging folder inside their target folder and moved into
 * place only once all of them are written (and checked): a full disk or a refusal halfway leaves
 * the target as it was, never some of the files without the one that says they are complete. The
 * staging folder lies inside the target, so nothing is ever written beside it.
 */
public final class StagedFolder implements AutoCloseable {

    /** Staging folders start with this; a killed process may leave one behind, see {@link #deleteLeftovers}. */
    static final String PREFIX = ".sieve-staging-";

    private final Path target;
    private final Path staging;
    private final boolean created;
    private final List<String> names = new ArrayList<>();
    private boolean committed;

    private StagedFolder(Path target, Path staging, boolean created) {
        this.target = target;
        this.staging = staging;
        this.created = created;
    }

    /** Creates {@code dir} if needed and a staging folder inside it. */
    public static StagedFolder in(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        boolean created = !Files.isDirectory(target);
        try {
            Files.createDirectories(target);
            return new StagedFolder(target, Files.createTempDirectory(target, PREFIX), created);
        } catch (IOException e) {
            if (created) {
                AtomicFiles.deleteQuietly(target);
            }
            throw AtomicFiles.failure(target, e);
        }
    }

    /** Writes {@code name} into the staging folder; commit moves it to {@code target/name}, in the order written. */
    public void write(String name, AtomicFiles.Content content) {
        Path file = SafeNames.child(staging, name);
        names.add(name);
        try {
            content.writeTo(file);
        } catch (IOException e) {
            throw AtomicFiles.failure(target.resolve(name), e);
        }
    }

    public void write(String name, byte[] content) {
        write(name, file -> Files.write(file, content));
    }

    /** The folder the files are staged in, e.g. to read them back before they are committed. */
    public Path staging() {
        return staging;
    }

    /** The folder the files go to. */
    public Path target() {
        return target;
    }

    /** Moves every staged file into the target in the order they were asked for (put the index file last). */
    public List<Path> commit() {
        List<Path> placed = new ArrayList<>();
        try {
            for (String name : names) {
                Path to = target.resolve(name);
                AtomicFiles.move(staging.resolve(name), to);
                placed.add(to);
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(target, e);
        }
        committed = true;
        return placed;
    }

    /**
     * Deletes the staging folder with whatever is left in it, and the target too when this made it
     * and nothing was committed.
     */
    @Override
    public void close() {
        deleteTree(staging);
        if (created && !committed) {
            AtomicFiles.deleteQuietly(target); // only when empty: a folder with files fails to delete
        }
    }

    /** Removes the staging folders a killed process left in {@code dir}. */
    public static void deleteLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, p -> p.getFileName().toString()
                .startsWith(PREFIX))) {
            left.forEach(StagedFolder::deleteTree);
        } catch (IOException e) {
            // Leftovers are hidden and harmless; the next write reports real problems.
        }
    }

    /** A staging folder holds only files (its names are checked by {@link SafeNames#child}); no links are followed. */
    private static void deleteTree(Path folder) {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(folder)) {
            left.forEach(AtomicFiles::deleteQuietly);
        } catch (IOException e) {
            // Gone already, or unreadable: nothing more to do.
        }
        AtomicFiles.deleteQuietly(folder);
    }
}
