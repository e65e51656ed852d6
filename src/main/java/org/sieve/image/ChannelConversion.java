package org.sieve.image;

/** From the source's channels (1 gray or 3 RGB) to the model's (1 or 3). */
final class ChannelConversion {

    private ChannelConversion() {
    }

    static float[] convert(float[] src, int from, int to) {
        if (from == to) {
            return src;
        }
        int n = src.length / from;
        float[] out = new float[n * to];
        for (int i = 0; i < n; i++) {
            if (to == 1) {
                out[i] = Luma.bt601(src[3 * i], src[3 * i + 1], src[3 * i + 2]);
            } else {
                out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = src[i];
            }
        }
        return out;
    }

    static String describe(int from, int to) {
        if (from == to) {
            return to == 1 ? "none (grayscale source)" : "RGB";
        }
        return to == 1 ? Luma.NAME : "grayscale replicated to R, G and B";
    }
}
