package org.sieve.image;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import org.sieve.Sha256;

/** Fingerprints that let a result be matched to the exact pixels it was computed from. */
final class PixelFingerprint {

    private PixelFingerprint() {
    }

    /** SHA-256 of width, height and the 8-bit ARGB pixels in row-major order (big-endian ints). */
    static String of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        MessageDigest md = Sha256.newDigest();
        md.update(ByteBuffer.allocate(8).putInt(w).putInt(h).array());
        int[] row = new int[w];
        ByteBuffer bytes = ByteBuffer.allocate(4 * w);
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            bytes.clear();
            bytes.asIntBuffer().put(row);
            md.update(bytes.array());
        }
        return Sha256.hex(md);
    }
}
