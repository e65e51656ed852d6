package org.sieve.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;

class BatchLocationTest {

    @TempDir
    Path dir;

    @Test
    void aFileUriIsTheFolderItNames() {
        Path images = dir.resolve("my images");
        assertEquals(images, BatchLocation.folder(images.toUri().toString(), "--images"));
        assertEquals(images, BatchLocation.folder("file:" + images.toString().replace(" ", "%20"), "--images"));
        assertEquals(images, BatchLocation.folder(images.toString(), "--images"));
    }

    @Test
    void aPathWithAColonStaysAPath() {
        assertEquals(Path.of("runs/out:1"), BatchLocation.folder("runs/out:1", "--out"));
        assertEquals(Path.of("out:1"), BatchLocation.folder("out:1", "--out"));
    }

    @Test
    void anotherFileSystemIsRefusedInsteadOfBecomingALocalFolder() {
        SieveException e = assertThrows(SieveException.class,
                () -> BatchLocation.folder("hdfs://namenode:8020/batches/run1", "--out"));
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("--out hdfs://namenode:8020/batches/run1: "), e.getMessage());
        assertTrue(e.getMessage().contains("not hdfs: URIs"), e.getMessage());
        SieveException s3 = assertThrows(SieveException.class, () -> BatchLocation.folder("S3A://bucket/x", "--images"));
        assertTrue(s3.getMessage().contains("not s3a: URIs"), s3.getMessage());
    }

    @Test
    void aFileUriThatIsNoLocalPathIsRefused() {
        SieveException e = assertThrows(SieveException.class, () -> BatchLocation.folder("file:images", "--images"));
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("file:///absolute/path"), e.getMessage());
        assertThrows(SieveException.class, () -> BatchLocation.folder("file://otherhost/images", "--images"));
    }
}
