package org.sieve.network;

/** How a weight starts when a network is trained from scratch. */
public enum WeightInit {
    /** Uniform in +-sqrt(6 / (fan_in + fan_out)), Keras' default for kernels. */
    GLOROT_UNIFORM,
    /** Normal with std sqrt(2 / fan_in), suited to ReLU networks. */
    HE_NORMAL,
    ZEROS,
    ONES
}
