package org.sieve.image;

/**
 * Source pixels as read, alpha already composited: {@code channels} is 1 for grayscale
 * sources and 3 for colour ones, values in [0,1], HWC order.
 *
 * @param colourType human-readable source colour type, e.g. "grayscale, 16-bit"
 * @param alpha      what was done with transparency, for result.json
 */
record DecodedImage(int width, int height, int channels, float[] pixels, String colourType, String alpha) {
}
