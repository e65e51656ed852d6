package org.sieve.ui.view;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.sieve.image.ForegroundMask;
import org.sieve.image.PreparedImage;

/** Model inputs and foregrounds as JavaFX images at the model's resolution (views enlarge them without smoothing). */
final class InputImage {

    private InputImage() {
    }

    /** The model's input as it sees it: gray for one channel, colour for three. */
    static WritableImage of(PreparedImage img) {
        WritableImage out = new WritableImage(img.width(), img.height());
        PixelWriter w = out.getPixelWriter();
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int r;
                int g;
                int b;
                if (img.channels() == 1) {
                    r = g = b = byteOf(img.get(y, x, 0));
                } else {
                    r = byteOf(img.get(y, x, 0));
                    g = byteOf(img.get(y, x, 1));
                    b = byteOf(img.get(y, x, 2));
                }
                w.setArgb(x, y, 0xff000000 | r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    /** Foreground pixels tinted, background transparent. */
    static WritableImage maskOverlay(ForegroundMask mask) {
        WritableImage out = new WritableImage(mask.width(), mask.height());
        PixelWriter w = out.getPixelWriter();
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                w.setArgb(x, y, mask.isForeground(y, x) ? 0x66ff8c00 : 0);
            }
        }
        return out;
    }

    private static int byteOf(float v) {
        return Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
}
