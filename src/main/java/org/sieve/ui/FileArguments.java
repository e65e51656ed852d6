package org.sieve.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.sieve.image.ImageScan;
import org.sieve.lesson.LessonReader;

/**
 * Start-up arguments that are files for the explorer to open, as a file manager's "Open with
 * Sieve" and the desktop entry's {@code sieve %F} pass them, and what kind of file each is.
 */
public final class FileArguments {

    /** What the explorer does with a file it is given; recognised by content where names mislead (model.json). */
    public enum Kind {
        /** Opens as the active panel's image. */
        IMAGE,
        /** A lesson file: opens for playing and editing. */
        LESSON,
        /** A model folder or file of any recognised format; a wrong file gets the model reader's explanation. */
        MODEL;

        public static Kind of(Path file) {
            if (Files.isRegularFile(file) && ImageScan.isImage(file)) {
                return IMAGE;
            }
            return LessonReader.isLesson(file) ? LESSON : MODEL;
        }
    }

    private FileArguments() {
    }

    /**
     * Whether the arguments are only files or folders to open: each exists, none is an option, and
     * the first is not a command's name (a file called "models" in the current folder never hides
     * the command).
     */
    public static boolean only(String[] args, Predicate<String> isCommand) {
        if (args.length == 0 || isCommand.test(args[0])) {
            return false;
        }
        for (String a : args) {
            if (a.startsWith("-") || !exists(a)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an argument that is no command was probably meant as a file: it has a folder or an extension. */
    public static boolean looksLikeFile(String arg) {
        String name = arg.substring(arg.lastIndexOf('/') + 1);
        return !arg.startsWith("-") && (arg.contains("/") || name.lastIndexOf('.') > 0);
    }

    /** The first argument that names no file or folder. */
    public static java.util.Optional<String> firstMissing(java.util.List<String> args) {
        return args.stream().filter(a -> !exists(a)).findFirst();
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
