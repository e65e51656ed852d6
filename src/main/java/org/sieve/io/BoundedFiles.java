package org.sieve.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads files that came from a user or a download: only regular files (a FIFO would block
 * forever, a device such as /dev/zero never ends), and never more bytes than the caller allows,
 * even when the file grows while it is read. Failures are IOExceptions whose message says which
 * rule the file broke, for the caller to put in its own sentence.
 */
public final class BoundedFiles {

    private BoundedFiles() {
    }

    /** Fails unless {@code file} (after symbolic links) is a regular file of at most {@code maxBytes}; returns its size. */
    public static long requireRegular(Path file, long maxBytes) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new IOException(file.getFileName() + " is " + (a.isDirectory() ? "a folder" : "not a regular file"
                    + " (a pipe, device or socket)") + ", not a file Sieve reads");
        }
        if (a.size() > maxBytes) {
            throw new IOException(file.getFileName() + " holds " + a.size() + " bytes, more than the "
                    + maxBytes + " Sieve reads from such a file");
        }
        return a.size();
    }

    /** The whole of a regular file of at most {@code maxBytes}. */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        requireRegular(file, maxBytes);
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit);
            if (bytes.length == limit && in.read() >= 0) {
                throw new IOException(file.getFileName() + " grew beyond " + maxBytes + " bytes while it was read");
            }
            return bytes;
        }
    }

    /** True when {@code file} is a regular file itself, not a link to one: what a cache may trust. */
    public static boolean isPlainFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }
}
