package org.sieve.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.sieve.SieveException;
import org.sieve.io.AtomicFiles;

/**
 * One batch per output folder at a time: an operating-system lock on {@code batch.lock} in the
 * folder, held while a batch writes there. The system releases it when the process ends however it
 * ends, so a killed batch never leaves the folder locked; the file itself stays and means nothing
 * on its own. A second batch on a locked folder is refused at once rather than made to wait, since
 * the first may run for hours.
 */
public final class BatchLock implements AutoCloseable {

    public static final String FILE = "batch.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private BatchLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code out} (creating it) or fails with a message saying another batch is writing there. */
    public static BatchLock acquire(Path out) {
        Path file = out.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(out);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.readAttributes(file,
                    BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                throw new SieveException(file + " is not a plain file (a link, pipe or folder), so the batch cannot"
                        + " lock " + out + ". Delete it, or use another --out folder.");
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new BatchLock(channel, lock);
            }
        } catch (OverlappingFileLockException held) {
            // Held by another batch in this same process: the same answer as for another process.
        } catch (IOException e) {
            close(channel);
            SieveException failure = AtomicFiles.failure(file, e);
            throw new SieveException(failure.getMessage() + " The batch's folder is its --out.", failure.exitCode(), e);
        }
        close(channel);
        throw new SieveException("Another batch is writing into " + out + " (it holds " + file + "). Wait for it to"
                + " finish, then run this command again to resume, or use another --out folder.",
                SieveException.COMPUTE_FAILED, null);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it as well.
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing was written through it; closing only ends the lock.
            }
        }
    }
}
