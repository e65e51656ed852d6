package org.sieve.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.sieve.SieveException;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A GIF's first frame where the file places it: frames may cover only part of the logical
 * screen, at an offset, and ImageIO returns the frame alone. Outside the frame is transparent
 * (then composited on the matte as any transparency).
 */
final class GifScreen {

    private GifScreen() {
    }

    static BufferedImage firstFrame(ImageReader reader, BufferedImage frame, Path file, String what)
            throws IOException {
        int left = attribute(reader.getImageMetadata(0), "javax_imageio_gif_image_1.0", "ImageDescriptor",
                "imageLeftPosition");
        int top = attribute(reader.getImageMetadata(0), "javax_imageio_gif_image_1.0", "ImageDescriptor",
                "imageTopPosition");
        IIOMetadata stream = reader.getStreamMetadata();
        int width = Math.max(left + frame.getWidth(), attribute(stream, "javax_imageio_gif_stream_1.0",
                "LogicalScreenDescriptor", "logicalScreenWidth"));
        int height = Math.max(top + frame.getHeight(), attribute(stream, "javax_imageio_gif_stream_1.0",
                "LogicalScreenDescriptor", "logicalScreenHeight"));
        if (width == frame.getWidth() && height == frame.getHeight()) {
            return frame;
        }
        if ((long) width * height > ImageFileReader.MAX_PIXELS) {
            throw new SieveException(what + " " + file + " declares a " + width + "x" + height + " GIF screen, more"
                    + " than the " + ImageFileReader.MAX_PIXELS / 1_000_000 + " megapixels Sieve decodes.");
        }
        BufferedImage screen = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = screen.createGraphics();
        g.drawImage(frame, left, top, null);
        g.dispose();
        return screen;
    }

    /** An integer attribute of a metadata node, 0 when absent. */
    private static int attribute(IIOMetadata metadata, String format, String node, String name) {
        if (metadata == null) {
            return 0;
        }
        for (Node n = metadata.getAsTree(format).getFirstChild(); n != null; n = n.getNextSibling()) {
            NamedNodeMap attributes = n.getAttributes();
            if (n.getNodeName().equals(node) && attributes.getNamedItem(name) != null) {
                try {
                    return Math.max(0, Integer.parseInt(attributes.getNamedItem(name).getNodeValue()));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
