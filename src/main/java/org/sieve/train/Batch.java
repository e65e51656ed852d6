package org.sieve.train;

import org.sieve.tf.Tensors;
import org.tensorflow.types.TFloat32;

/** A mini-batch: {@code size} normalised images laid out NHWC, and their labels. */
record Batch(float[] pixels, long[] labels, int size, int height, int width, int channels) {

    TFloat32 imageTensor() {
        return Tensors.of(pixels, size, height, width, channels);
    }
}
