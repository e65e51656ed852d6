package org.sieve.image;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.io.AtomicFiles;

/** The image files under a folder, recursively, in a stable order; everything else is named in a warning. */
public final class ImageScan {

    /** The file extensions Sieve reads as images, lower case, without the dot. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");

    /** @param images paths relative to the root, sorted */
    public record Found(List<Path> images, List<String> warnings) {
    }

    private ImageScan() {
    }

    /** The extensions as file-chooser patterns: "*.png", ... */
    public static List<String> patterns() {
        return EXTENSIONS.stream().map(e -> "*." + e).toList();
    }

    /**
     * @param skip a folder not to enter (the batch's own output when it lies inside the images), or null.
     *             Hidden files and folders are passed over silently.
     */
    public static Found under(Path root, Path skip) {
        if (!Files.isDirectory(root)) {
            throw new SieveException("--images " + root + " is not a folder. Give the folder that holds the images.");
        }
        Path skipped = skip == null ? null : skip.toAbsolutePath().normalize();
        List<Path> images = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            boolean enter = dir.equals(root) || !(hidden(dir)
                                    || dir.toAbsolutePath().normalize().equals(skipped));
                            return enter ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isImage(file) && !attrs.isRegularFile()) {
                                warnings.add("Skipping " + file + ": not a regular file (a pipe, device or socket).");
                            } else if (isImage(file)) {
                                images.add(root.relativize(file));
                            } else if (!hidden(file)) {
                                warnings.add("Skipping " + file + ": not a PNG, JPEG, BMP or GIF file.");
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            warnings.add("Skipping " + file + ": " + AtomicFiles.reason(e) + ".");
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new SieveException("Cannot read the images folder " + root + ": " + AtomicFiles.reason(e) + ".", e);
        }
        images.sort(Comparator.comparing(Path::toString));
        return new Found(images, warnings);
    }

    public static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !hidden(file) && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
