package org.sieve.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;

class ForegroundMaskTest {

    @TempDir
    Path dir;

    /** 80x40 source, centre-cropped to 40x40 (x 20..59) and halved to 20x20. */
    private PreparedImage wideImage() {
        Path file = TestImages.write(TestImages.filled(80, 40, BufferedImage.TYPE_INT_RGB, 0x404040),
                "png", dir.resolve("wide.png"));
        return ImageLoader.load(file, new ModelInput(20, 20, 1), ResizeMode.CENTRE_CROP);
    }

    @Test
    void rectangleIsMappedThroughTheCrop() {
        PreparedImage img = wideImage();
        // Source x 30..49, y 10..29 -> crop x 10..29 -> model x 5..14, y 5..14.
        ForegroundMask m = ForegroundMask.rectangle("30,10,20,20", img);
        assertEquals(100, m.foregroundCount());
        assertTrue(m.isForeground(5, 5));
        assertTrue(m.isForeground(14, 14));
        assertFalse(m.isForeground(4, 5));
        assertFalse(m.isForeground(5, 15));
        assertTrue(m.description().startsWith("rectangle 30,10,20,20 in source pixels"), m.description());
    }

    @Test
    void rectangleInTheCroppedAwayPartIsRejected() {
        SieveException e = assertThrows(SieveException.class, () -> ForegroundMask.rectangle("0,0,10,10", wideImage()));
        assertTrue(e.getMessage().contains("removed by the centre crop"), e.getMessage());
    }

    @Test
    void rectangleValuesAreValidated() {
        PreparedImage img = wideImage();
        assertMessage(img, "a,0,5,5", "x = \"a\" is not a whole number");
        assertMessage(img, "0,-2,5,5", "y = -2 is negative");
        assertMessage(img, "0,0,0,5", "w = 0 must be at least 1");
        assertMessage(img, "0,0,5", "must be four whole numbers");
        assertMessage(img, "70,0,20,5", "goes outside the 80x40 source image");
    }

    @Test
    void aChoiceIsReadOnceAndItsRectangleCheckedWithoutAnImage() {
        assertTrue(ForegroundChoice.parse(" AUTO ") instanceof ForegroundChoice.Auto);
        assertEquals(new ForegroundChoice.Rectangle("30,10,20,20"), ForegroundChoice.parse("30,10,20,20"));
        assertEquals(new ForegroundChoice.MaskImage(Path.of("mask.png")), ForegroundChoice.parse("mask.png"));
        SieveException e = assertThrows(SieveException.class, () -> ForegroundChoice.parse("0,0,0,5"));
        assertTrue(e.getMessage().contains("w = 0 must be at least 1"), e.getMessage());
        assertEquals(100, ForegroundChoice.parse("30,10,20,20").on(wideImage()).foregroundCount());
    }

    private static void assertMessage(PreparedImage img, String spec, String expected) {
        SieveException e = assertThrows(SieveException.class, () -> ForegroundMask.parse(spec, img));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(spec), e.getMessage());
    }

    @Test
    void autoFindsAWhiteStrokeOnBlack() {
        BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = digit.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(12, 4, 4, 20);
        g.dispose();
        Path file = TestImages.write(digit, "png", dir.resolve("one.png"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(28, 28, 1), ResizeMode.STRETCH);
        ForegroundMask m = ForegroundMask.parse("auto", img);
        assertEquals(80, m.foregroundCount());
        assertTrue(m.isForeground(10, 13));
        assertFalse(m.isForeground(10, 11));
        assertTrue(m.description().startsWith("auto: background level 0.000"), m.description());
    }

    @Test
    void autoOnAFlatImageAsksForARectangle() {
        Path file = TestImages.write(TestImages.gray(8, 8, new int[64]), "png", dir.resolve("flat.png"));
        PreparedImage img = ImageLoader.load(file, new ModelInput(8, 8, 1), ResizeMode.STRETCH);
        SieveException e = assertThrows(SieveException.class, () -> ForegroundMask.auto(img));
        assertTrue(e.getMessage().startsWith("Auto foreground found no strokes in " + file), e.getMessage());
        assertTrue(e.getMessage().contains("rectangle"), e.getMessage());
    }

    @Test
    void maskImageIsScaledLikeTheSource() {
        PreparedImage img = wideImage();
        BufferedImage mask = new BufferedImage(80, 40, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = mask.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(30, 10, 20, 20);
        g.dispose();
        Path file = TestImages.write(mask, "png", dir.resolve("mask.png"));
        ForegroundMask m = ForegroundMask.parse(file.toString(), img);
        assertEquals(100, m.foregroundCount());
        assertTrue(m.isForeground(5, 5));
        assertFalse(m.isForeground(4, 4));
    }

    @Test
    void paintedMaskIsScaledLikeTheImageAndTransparencyIsBackground() {
        PreparedImage img = wideImage();
        BufferedImage paint = new BufferedImage(80, 40, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = paint.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(30, 10, 20, 20);
        g.dispose();
        ForegroundMask m = ForegroundMask.fromPaint(paint, img);
        assertEquals(100, m.foregroundCount());
        assertTrue(m.isForeground(5, 5) && !m.isForeground(4, 4));
        SieveException empty = assertThrows(SieveException.class,
                () -> ForegroundMask.fromPaint(new BufferedImage(80, 40, BufferedImage.TYPE_INT_ARGB), img));
        assertTrue(empty.getMessage().startsWith("The painted mask has no pixel brighter than 50%"),
                empty.getMessage());
    }

    @Test
    void maskImageOfAnotherSizeIsRejected() {
        Path file = TestImages.write(TestImages.gray(10, 10, new int[100]), "png", dir.resolve("small.png"));
        SieveException e = assertThrows(SieveException.class, () -> ForegroundMask.fromMaskImage(file, wideImage()));
        assertTrue(e.getMessage().contains("is 10x10 pixels but the image is 80x40"), e.getMessage());
    }

    @Test
    void missingMaskFile() {
        Path file = dir.resolve("none.png");
        SieveException e = assertThrows(SieveException.class, () -> ForegroundMask.parse(file.toString(), wideImage()));
        assertTrue(e.getMessage().startsWith("Mask image not found: " + file), e.getMessage());
    }
}
