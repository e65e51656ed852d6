package org.sieve.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.sieve.SieveException;

/** Writes figures so that a reader never sees a half-written PNG. */
public final class Png {

    private Png() {
    }

    /** Writes to a temporary file in the target folder (created if needed), then moves it into place. */
    public static void write(BufferedImage image, Path file) {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (Files.isDirectory(target)) {
            throw new SieveException("Cannot write " + target + ": it is a folder. Give a file name ending in .png.");
        }
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            ImageIO.write(image, "png", tmp.toFile());
            move(tmp, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new SieveException("Cannot write " + target + ": the folder " + folder
                    + " cannot be created or written (" + reason(e) + "). Choose another output folder or fix its permissions.",
                    e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file named " + e.getMessage() + " is in the way";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The write already failed; that error is the one to report.
            }
        }
    }
}
