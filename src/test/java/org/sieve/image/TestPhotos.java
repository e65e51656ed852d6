package org.sieve.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Image files as cameras and animation tools write them: EXIF-rotated JPEGs, GIF frames at offsets, animations. */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A JPEG of {@code image} whose EXIF orientation tag says how to turn it for display (1 to 8). */
    public static Path exifJpeg(BufferedImage image, int orientation, Path file) throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        byte[] plain = jpeg.toByteArray();
        // APP1 "Exif": a big-endian TIFF header and IFD0 with one SHORT entry, tag 0x0112 (orientation).
        ByteBuffer app1 = ByteBuffer.allocate(36);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) 34).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        app1.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        app1.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1);
        app1.putShort((short) orientation).putShort((short) 0).putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(app1.array());
        out.write(plain, 2, plain.length - 2);
        return Files.write(file, out.toByteArray());
    }

    /** A GIF of {@code frames} on a screen of {@code width} x {@code height}, each frame at its offset (x, y). */
    public static Path gif(List<BufferedImage> frames, int[][] offsets, int width, int height, Path file)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            IIOMetadata stream = writer.getDefaultStreamMetadata(null);
            String streamFormat = stream.getNativeMetadataFormatName();
            IIOMetadataNode streamRoot = (IIOMetadataNode) stream.getAsTree(streamFormat);
            IIOMetadataNode screen = child(streamRoot, "LogicalScreenDescriptor");
            screen.setAttribute("logicalScreenWidth", String.valueOf(width));
            screen.setAttribute("logicalScreenHeight", String.valueOf(height));
            stream.setFromTree(streamFormat, streamRoot);
            writer.prepareWriteSequence(stream);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
                        null);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode descriptor = child(root, "ImageDescriptor");
                descriptor.setAttribute("imageLeftPosition", String.valueOf(offsets[i][0]));
                descriptor.setAttribute("imageTopPosition", String.valueOf(offsets[i][1]));
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, meta), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        IIOMetadataNode node = (IIOMetadataNode) root.getElementsByTagName(name).item(0);
        if (node == null) {
            node = new IIOMetadataNode(name);
            root.appendChild(node);
        }
        return node;
    }
}
