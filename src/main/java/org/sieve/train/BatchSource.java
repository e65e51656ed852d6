package org.sieve.train;

import java.util.SplittableRandom;
import org.sieve.data.Dataset;

/**
 * Cuts a dataset into normalised mini-batches: shuffles with a seeded generator and, when asked,
 * shifts each training image by a few pixels (the light augmentation digits and clothes allow;
 * flips would turn a 2 into a mirror image that is no digit).
 */
final class BatchSource {

    private final Dataset data;
    private final PixelStatistics stats;
    private final int maxShift;
    private final SplittableRandom random;

    BatchSource(Dataset data, PixelStatistics stats, int maxShift, long seed) {
        this.data = data;
        this.stats = stats;
        this.maxShift = maxShift;
        this.random = new SplittableRandom(seed);
    }

    /** A fresh random order of all images (Fisher-Yates). */
    int[] shuffledOrder() {
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The images {@code order[from..from+n)}, shifted if this source augments. */
    Batch batch(int[] order, int from, int n) {
        int h = data.height();
        int w = data.width();
        int c = data.channels();
        int size = h * w * c;
        float[] pixels = new float[n * size];
        long[] labels = new long[n];
        for (int b = 0; b < n; b++) {
            int index = order[from + b];
            labels[b] = data.labels()[index];
            int dy = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
            int dx = maxShift == 0 ? 0 : random.nextInt(-maxShift, maxShift + 1);
            float[] image = data.images()[index];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sy = y - dy;
                    int sx = x - dx;
                    boolean inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
                    for (int ch = 0; ch < c; ch++) {
                        // Pixels shifted in from outside are background, black in pixel space.
                        float v = inside ? image[(sy * w + sx) * c + ch] : 0f;
                        pixels[b * size + (y * w + x) * c + ch] = (v - stats.mean()[ch]) / stats.std()[ch];
                    }
                }
            }
        }
        return new Batch(pixels, labels, n, h, w, c);
    }
}
