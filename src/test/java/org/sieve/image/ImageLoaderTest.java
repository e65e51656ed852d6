package org.sieve.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;

class ImageLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryPromisedFormatAtTheRequestedShape() {
        BufferedImage rgb = TestImages.filled(40, 30, BufferedImage.TYPE_INT_RGB, 0x336699);
        for (String format : new String[] {"png", "jpeg", "bmp", "gif"}) {
            Path file = TestImages.write(rgb, format, dir.resolve("a." + format));
            for (int channels : new int[] {1, 3}) {
                PreparedImage img = ImageLoader.load(file, new ModelInput(28, 32, channels), ResizeMode.STRETCH);
                assertEquals(28, img.height(), format);
                assertEquals(32, img.width(), format);
                assertEquals(channels, img.channels(), format);
                assertEquals(28 * 32 * channels, img.pixels().length, format);
                assertEquals(format, img.preprocessing().get("sourceFormat"));
            }
        }
    }

    @Test
    void knownColourConvertsToBt601Luma() {
        Path file = TestImages.write(TestImages.filled(4, 4, BufferedImage.TYPE_INT_RGB, 0xC86432),
                "png", dir.resolve("c.png"));
        PreparedImage gray = ImageLoader.load(file, new ModelInput(4, 4, 1), ResizeMode.STRETCH);
        double expected = (0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 255;
        assertEquals(expected, gray.get(2, 1, 0), 1e-6);
        assertEquals(Luma.NAME, gray.preprocessing().get("channelConversion"));

        PreparedImage rgb = ImageLoader.load(file, new ModelInput(4, 4, 3), ResizeMode.STRETCH);
        assertEquals(200 / 255.0, rgb.get(0, 0, 0), 1e-6);
        assertEquals(100 / 255.0, rgb.get(0, 0, 1), 1e-6);
        assertEquals(50 / 255.0, rgb.get(0, 0, 2), 1e-6);
        assertEquals(expected, rgb.luma(3, 3), 1e-6);
    }

    @Test
    void graySamplesAreTakenAsStoredNotGammaConverted() {
        Path file = TestImages.write(TestImages.gray(2, 1, 128, 64), "png", dir.resolve("g.png"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(1, 2, 3), ResizeMode.STRETCH);
        assertEquals(128 / 255.0, img.get(0, 0, 0), 1e-6);
        assertEquals(128 / 255.0, img.get(0, 0, 2), 1e-6);
        assertEquals(64 / 255.0, img.get(0, 1, 1), 1e-6);
        assertEquals("grayscale, 8-bit", img.preprocessing().get("sourceColourType"));
        assertEquals("grayscale replicated to R, G and B", img.preprocessing().get("channelConversion"));
    }

    @Test
    void sixteenBitGrayKeepsFullPrecision() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 1000);
        Path file = TestImages.write(image, "png", dir.resolve("16.png"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(1, 1, 1), ResizeMode.STRETCH);
        assertEquals(1000 / 65535.0, img.get(0, 0, 0), 1e-7);
        assertEquals("grayscale, 16-bit", img.preprocessing().get("sourceColourType"));
    }

    @Test
    void transparentPixelsBecomeWhite() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00000000);
        image.setRGB(1, 0, 0x80000000);
        Path file = TestImages.write(image, "png", dir.resolve("alpha.png"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(1, 2, 1), ResizeMode.STRETCH);
        assertEquals(1.0, img.get(0, 0, 0), 1e-6);
        assertEquals(1 - 128 / 255.0, img.get(0, 1, 0), 1e-6);
        assertEquals("composited over white", img.preprocessing().get("alpha"));
    }

    @Test
    void areaAverageOfPixelCheckerIsExactlyTheMean() {
        int[] samples = new int[56 * 56];
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                samples[y * 56 + x] = (x + y) % 2 == 0 ? 255 : 0;
            }
        }
        Path file = TestImages.write(TestImages.gray(56, 56, samples), "png", dir.resolve("checker.png"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(28, 28, 1), ResizeMode.STRETCH);
        for (float v : img.pixels()) {
            assertEquals(0.5f, v);
        }
        assertEquals("area average", img.preprocessing().get("resampling"));
    }

    @Test
    void enlargingIsBilinear() {
        Path file = TestImages.write(TestImages.gray(2, 1, 0, 255), "png", dir.resolve("ramp.png"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(1, 4, 1), ResizeMode.STRETCH);
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, img.pixels(), 1e-6f);
        assertEquals("bilinear", img.preprocessing().get("resampling"));
    }

    @Test
    void centreCropKeepsTheCentre() {
        // 9 wide, 3 high: columns 3..5 are white, the rest black; a 3x3 crop keeps just the white.
        int[] samples = new int[27];
        for (int y = 0; y < 3; y++) {
            for (int x = 3; x < 6; x++) {
                samples[y * 9 + x] = 255;
            }
        }
        Path file = TestImages.write(TestImages.gray(9, 3, samples), "png", dir.resolve("wide.png"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(3, 3, 1), ResizeMode.CENTRE_CROP);
        for (float v : img.pixels()) {
            assertEquals(1f, v);
        }
        assertEquals(new SourceRegion(9, 3, 3, 0, 3, 3), img.region());
        assertEquals(Map.of("x", 3, "y", 0, "width", 3, "height", 3), img.preprocessing().get("cropInSourcePixels"));

        PreparedImage stretched = ImageLoader.load(file, new ModelInput(3, 3, 1), ResizeMode.STRETCH);
        assertEquals(0f, stretched.get(1, 0, 0));
        assertEquals(1f, stretched.get(1, 1, 0));
    }

    @Test
    void regionKeepsOnlyThatPartAndIsRecorded() {
        // 9 wide, 3 high, column x has value 10x: the region 4,1,3,2 holds 40, 50, 60 twice.
        int[] samples = new int[27];
        for (int i = 0; i < 27; i++) {
            samples[i] = 10 * (i % 9);
        }
        Path file = TestImages.write(TestImages.gray(9, 3, samples), "png", dir.resolve("columns.png"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(2, 3, 1), ResizeMode.STRETCH,
                RequestedRegion.parse("4,1,3,2"));
        assertArrayEquals(new float[] {40 / 255f, 50 / 255f, 60 / 255f, 40 / 255f, 50 / 255f, 60 / 255f}, img.pixels(),
                1e-6f);
        assertEquals(new SourceRegion(9, 3, 4, 1, 3, 2), img.region());
        assertEquals(Map.of("x", 4, "y", 1, "width", 3, "height", 2), img.preprocessing().get("regionInSourcePixels"));
        // Centre-cropping happens inside the region: a square input keeps its middle two columns.
        PreparedImage square = ImageLoader.load(file, new ModelInput(2, 2, 1), ResizeMode.CENTRE_CROP,
                RequestedRegion.parse("1,0,6,3"));
        assertEquals(new SourceRegion(9, 3, 2, 0, 3, 3), square.region());
    }

    @Test
    void badRegionsAreExplained() {
        Path file = TestImages.write(TestImages.gray(9, 3, new int[27]), "png", dir.resolve("small.png"));
        SieveException outside = assertThrows(SieveException.class,
                () -> ImageLoader.load(file, new ModelInput(2, 2, 1), ResizeMode.STRETCH,
                RequestedRegion.parse("5,0,5,3")));
        assertTrue(outside.getMessage().contains("5,0,5,3") && outside.getMessage().contains("9x3 pixels")
                && outside.getMessage().contains("small.png"), outside.getMessage());
        for (String bad : List.of("1,2,3", "a,0,1,1", "0,0,0,4", "-1,0,2,2")) {
            SieveException e = assertThrows(SieveException.class, () -> RequestedRegion.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            assertEquals(SieveException.BAD_INPUT, e.exitCode());
        }
    }

    @Test
    void preprocessingRecordsEveryStep() throws Exception {
        Path file = TestImages.write(TestImages.filled(60, 40, BufferedImage.TYPE_INT_RGB, 0x808080),
                "png", dir.resolve("p.png"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(28, 28, 1), ResizeMode.CENTRE_CROP);
        Map<String, Object> p = img.preprocessing();
        assertEquals(file.toString(), p.get("source"));
        assertEquals("png", p.get("sourceFormat"));
        assertEquals(60, p.get("sourceWidth"));
        assertEquals(40, p.get("sourceHeight"));
        assertEquals("RGB, 8-bit", p.get("sourceColourType"));
        assertEquals("none (no alpha channel)", p.get("alpha"));
        assertEquals(Luma.NAME, p.get("channelConversion"));
        assertEquals("centre-crop", p.get("resizeMode"));
        assertEquals(Map.of("x", 10, "y", 0, "width", 40, "height", 40), p.get("cropInSourcePixels"));
        assertEquals(28, p.get("targetWidth"));
        assertEquals(28, p.get("targetHeight"));
        assertEquals(1, p.get("targetChannels"));
        assertEquals("area average", p.get("resampling"));
        assertEquals(file.toString(), img.source());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        assertEquals(HexFormat.of().formatHex(digest), img.sha256());
    }

    @Test
    void inMemoryImagesAreFingerprintedByPixels() {
        BufferedImage a = TestImages.filled(5, 5, BufferedImage.TYPE_INT_RGB, 0x102030);
        BufferedImage b = TestImages.filled(5, 5, BufferedImage.TYPE_INT_RGB, 0x102031);
        PreparedImage pa = ImageLoader.fromBufferedImage(a, "pasted", new ModelInput(5, 5, 3), ResizeMode.STRETCH);
        assertEquals(pa.sha256(), ImageLoader.fromBufferedImage(a, "again", new ModelInput(5, 5, 3),
                ResizeMode.STRETCH).sha256());
        assertTrue(!pa.sha256().equals(ImageLoader.fromBufferedImage(b, "b", new ModelInput(5, 5, 3),
                ResizeMode.STRETCH).sha256()));
        assertEquals("pasted", pa.preprocessing().get("source"));
        assertEquals(0x30 / 255.0, pa.get(4, 4, 2), 1e-6);
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.png");
        SieveException e = assertThrows(SieveException.class,
                () -> ImageLoader.load(file, new ModelInput(28, 28, 1), ResizeMode.STRETCH));
        assertTrue(e.getMessage().startsWith("Image not found: " + file), e.getMessage());
    }

    @Test
    void corruptFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.png"), "this is not an image at all");
        SieveException e = assertThrows(SieveException.class,
                () -> ImageLoader.load(file, new ModelInput(28, 28, 1), ResizeMode.STRETCH));
        assertEquals("Cannot read image " + file + ": not a PNG, JPEG, BMP or GIF file, or the file is damaged",
                e.getMessage());
    }

    @Test
    void truncatedPng() throws IOException {
        Path good = TestImages.write(TestImages.filled(20, 20, BufferedImage.TYPE_INT_RGB, 0x123456),
                "png", dir.resolve("good.png"));
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes, 40));
        SieveException e = assertThrows(SieveException.class,
                () -> ImageLoader.load(file, new ModelInput(28, 28, 1), ResizeMode.STRETCH));
        assertTrue(e.getMessage().startsWith("Cannot read image " + file + ": "), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.png"));
        SieveException e = assertThrows(SieveException.class,
                () -> ImageLoader.load(file, new ModelInput(28, 28, 1), ResizeMode.STRETCH));
        assertTrue(e.getMessage().startsWith("Image file is empty (0 bytes): " + file), e.getMessage());
    }

    @Test
    void folderInsteadOfFile() {
        SieveException e = assertThrows(SieveException.class,
                () -> ImageLoader.load(dir, new ModelInput(28, 28, 1), ResizeMode.STRETCH));
        assertTrue(e.getMessage().startsWith(dir + " is a folder, not an image file"), e.getMessage());
    }

    @Test
    void zeroWidthGif() throws IOException {
        Path good = TestImages.write(TestImages.gray(3, 2, new int[6]), "gif", dir.resolve("ok.gif"));
        byte[] z = Files.readAllBytes(good);
        // Skip header, screen descriptor, global palette and extensions to the image descriptor.
        int p = 13;
        if ((z[10] & 0x80) != 0) {
            p += 3 * (1 << ((z[10] & 7) + 1));
        }
        while (z[p] == 0x21) {
            p += 2;
            while (z[p] != 0) {
                p += (z[p] & 0xff) + 1;
            }
            p++;
        }
        assertEquals(0x2C, z[p]);
        z[p + 5] = 0;
        z[p + 6] = 0;
        Path file = Files.write(dir.resolve("zero.gif"), z);
        SieveException e = assertThrows(SieveException.class,
                () -> ImageLoader.load(file, new ModelInput(28, 28, 1), ResizeMode.STRETCH));
        assertTrue(e.getMessage().contains("has zero size (0x2 pixels)"), e.getMessage());
    }

    @Test
    void unsupportedChannelCountIsExplained() {
        Path file = TestImages.write(TestImages.gray(2, 2, new int[4]), "png", dir.resolve("z.png"));
        SieveException e = assertThrows(SieveException.class,
                () -> ImageLoader.load(file, new ModelInput(2, 2, 4), ResizeMode.STRETCH));
        assertTrue(e.getMessage().contains("4 input channels"), e.getMessage());
    }

    /** Issue 14 row 13: a phone photo stored lying on its side is analysed as it is shown. */
    @Test
    void exifOrientationTurnsThePhotoAsItIsShown() throws IOException {
        BufferedImage stored = TestImages.filled(40, 20, BufferedImage.TYPE_INT_RGB, 0x000000);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                stored.setRGB(x, y, 0xFFFFFF);
            }
        }
        Path file = TestPhotos.exifJpeg(stored, 6, dir.resolve("portrait.jpg"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(40, 20, 1), ResizeMode.STRETCH);
        assertEquals(20, img.preprocessing().get("sourceWidth"));
        assertEquals(40, img.preprocessing().get("sourceHeight"));
        assertEquals(6, img.preprocessing().get("exifOrientation"));
        assertEquals(1, img.get(5, 10, 0), 0.1, "the stored left half is on top once turned clockwise");
        assertEquals(0, img.get(35, 10, 0), 0.1);
    }

    /** Issue 14 row 13: a GIF frame is placed at its offset on the logical screen, the rest transparent. */
    @Test
    void aGifFrameSitsAtItsOffset() throws IOException {
        BufferedImage black = TestImages.filled(10, 10, BufferedImage.TYPE_BYTE_GRAY, 0x000000);
        Path file = TestPhotos.gif(java.util.List.of(black), new int[][] {{10, 10}}, 20, 20, dir.resolve("o.gif"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(20, 20, 1), ResizeMode.STRETCH);
        assertEquals(0, img.get(15, 15, 0), 1e-6, "the frame");
        assertEquals(1, img.get(5, 5, 0), 1e-6, "transparent outside the frame, on the white matte");
    }
}
