package org.sieve.render;

/**
 * Perceptual colour maps, each an approximation of matplotlib's map of the same name by
 * evenly spaced anchor colours interpolated linearly in RGB. Low values are dark in all but
 * {@link #GRAYS}, which runs black to white like matplotlib's "gray".
 */
public enum ColourMap {
    VIRIDIS(0x440154, 0x482576, 0x414487, 0x35608D, 0x2A788E, 0x21908C,
            0x22A884, 0x43BF71, 0x7AD151, 0xBBDF27, 0xFDE725),
    INFERNO(0x000004, 0x160B39, 0x420A68, 0x6A176E, 0x932667, 0xBC3754,
            0xDD513A, 0xF37819, 0xFCA50A, 0xF6D746, 0xFCFFA4),
    MAGMA(0x000004, 0x140E36, 0x3B0F70, 0x641A80, 0x8C2981, 0xB73779,
            0xDE4968, 0xF7705C, 0xFE9F6D, 0xFECF92, 0xFCFDBF),
    PLASMA(0x0D0887, 0x41049D, 0x6A00A8, 0x8F0DA4, 0xB12A90, 0xCC4778,
            0xE16462, 0xF2844B, 0xFCA636, 0xFCCE25, 0xF0F921),
    GRAYS(0x000000, 0xFFFFFF);

    private final int[] anchors;

    ColourMap(int... anchors) {
        this.anchors = anchors;
    }

    /**
     * Opaque ARGB colour at t, clamped to [0,1]. NaN gives fully transparent black, so
     * undefined cells let whatever is underneath show through.
     */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            return 0;
        }
        double pos = Math.min(1, Math.max(0, t)) * (anchors.length - 1);
        int i = Math.min((int) pos, anchors.length - 2);
        double f = pos - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double lo = (a >> shift) & 0xff;
            double hi = (b >> shift) & 0xff;
            rgb |= (int) Math.round(lo + f * (hi - lo)) << shift;
        }
        return 0xff000000 | rgb;
    }
}
