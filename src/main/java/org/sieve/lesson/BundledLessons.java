package org.sieve.lesson;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sieve.SieveException;

/** The lessons that come with Sieve, in {@code <sieve.home>/assets/lessons}, and finding a lesson by name. */
public final class BundledLessons {

    private final Path folder;

    public BundledLessons(Path folder) {
        this.folder = folder;
    }

    public static BundledLessons installed() {
        return new BundledLessons(Path.of(System.getProperty("sieve.home", "."), "assets", "lessons"));
    }

    public Path folder() {
        return folder;
    }

    /** The lesson files, by name. */
    public List<Path> files() {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            files.forEach(out::add);
        } catch (IOException e) {
            throw new SieveException("Cannot list the lessons in " + folder + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /** A lesson file's path, or the name of a bundled lesson (with or without ".json"). */
    public Path find(String nameOrPath) {
        Path given = Path.of(nameOrPath);
        if (Files.isRegularFile(given)) {
            return given;
        }
        Path bundled = folder.resolve(nameOrPath.endsWith(".json") ? nameOrPath : nameOrPath + ".json");
        if (!nameOrPath.contains("/") && Files.isRegularFile(bundled)) {
            return bundled;
        }
        throw new SieveException("There is no lesson file " + nameOrPath + "; give a lesson file's path or the name"
                + " of a bundled lesson (sieve lesson list shows them).");
    }

    /** The name a bundled lesson is found by: its file name without ".json". */
    public static String name(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
