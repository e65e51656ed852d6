package org.sieve.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Start-up arguments that are files for the explorer to open, as a desktop's "Open with Sieve" passes them. */
public final class FileArguments {

    private FileArguments() {
    }

    /**
     * Whether every argument names an existing file or folder together with its folder (desktops
     * pass absolute paths), so that no command word is ever taken for a file of that name.
     */
    public static boolean only(String[] args) {
        for (String a : args) {
            if (!(a.contains("/") || a.contains(File.separator)) || !exists(a)) {
                return false;
            }
        }
        return args.length > 0;
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
