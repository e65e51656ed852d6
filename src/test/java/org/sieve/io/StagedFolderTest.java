package org.sieve.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;

/** Staged writes: nothing beside the target, nothing placed unless everything was written. */
class StagedFolderTest {

    @TempDir
    Path tmp;

    @Test
    void stagesInsideTheTargetAndPlacesFilesInOrder() throws IOException {
        Path target = tmp.resolve("out");
        try (StagedFolder staged = StagedFolder.in(target)) {
            assertEquals(target.toAbsolutePath(), staged.staging().getParent(), "staging inside --out, not beside it");
            staged.write("a.txt", "a".getBytes());
            staged.write("index.json", "{}".getBytes());
            assertFalse(Files.exists(target.resolve("a.txt")), "nothing placed before commit");
            assertEquals(List.of(target.resolve("a.txt"), target.resolve("index.json")), staged.commit());
        }
        assertEquals(List.of("a.txt", "index.json"), names(target));
        assertEquals(List.of("out"), names(tmp), "nothing written beside the target");
    }

    @Test
    void aFailureHalfwayLeavesTheTargetAsItWas() throws IOException {
        Path created = tmp.resolve("new");
        assertThrows(SieveException.class, () -> {
            try (StagedFolder staged = StagedFolder.in(created)) {
                staged.write("a.png", "a".getBytes());
                staged.write("b.png", file -> {
                    throw new IIOException("I/O error writing PNG file!", new IOException("No space left on device"));
                });
                staged.commit();
            }
        });
        assertFalse(Files.exists(created), "a folder made for the write is removed again");

        Path existing = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(existing.resolve("result.json"), "{}");
        try (StagedFolder staged = StagedFolder.in(existing)) {
            staged.write("a.png", "a".getBytes());
        }
        assertEquals(List.of("result.json"), names(existing), "an uncommitted write leaves no trace");
    }

    /** The file-system boundary of a full disk, as ImageIO reports it: it says so, with exit status 4. */
    @Test
    void aFullDiskIsNamedEvenWhenAWriterWrapsIt() {
        SieveException e = AtomicFiles.failure(tmp.resolve("conv1.png"),
                new IIOException("I/O error writing PNG file!", new IOException("No space left on device")));
        assertEquals(SieveException.COMPUTE_FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("the disk is full") && !e.getMessage().contains("permissions"),
                e.getMessage());
    }

    @Test
    void leftoversOfAKilledWriteAreRemoved() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("killed"));
        Path left = Files.createDirectories(target.resolve(StagedFolder.PREFIX + "123"));
        Files.writeString(left.resolve("half.png"), "x");
        Files.writeString(target.resolve("result.json"), "{}");
        StagedFolder.deleteLeftovers(target);
        assertEquals(List.of("result.json"), names(target));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
