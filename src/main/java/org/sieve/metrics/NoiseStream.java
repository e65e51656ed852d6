package org.sieve.metrics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.sieve.Sha256;

/**
 * Every purpose noise is drawn for, each with its own stream. A draw's stateless seed is
 * (the layer's key, this stream's counter): the key comes from the analysis seed and the
 * layer's name in the network, never from its position among the requested layers, so a
 * layer sees the same noise whichever layers come with it, and no two purposes share noise.
 */
enum NoiseStream {
    /** The optimisation steps; the counter is the step number. */
    STEP,
    /** The normaliser D0 = D(sigma0). */
    D0,
    /** The fixed sample the constraint calibration searches on. */
    CALIBRATION,
    /** The first check of D/D0 after the optimisation. */
    CHECK,
    /** The check after a calibration. */
    RECHECK,
    /** Metric 2's final map of r. */
    UNCERTAINTY,
    /** The probes of the first-order solution's Jacobian energy. */
    FIRST_ORDER;

    /** Streams lie this far apart; attempts within a stream {@link #ATTEMPT_SPACING} apart. */
    private static final int STREAM_SHIFT = 40;
    private static final long ATTEMPT_SPACING = 1L << 32;

    /** The counter of batch {@code run} of attempt {@code attempt} of this purpose. */
    long counter(int attempt, long run) {
        return ((long) ordinal() << STREAM_SHIFT) + attempt * ATTEMPT_SPACING + run;
    }

    /** The key of a layer's noise under an analysis seed: the first 8 bytes of SHA-256(seed, name). */
    static long layerKey(long seed, String layer) {
        MessageDigest sha = Sha256.newDigest();
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        sha.update(layer.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    static long[] layerKeys(long seed, List<String> layers) {
        return layers.stream().mapToLong(l -> layerKey(seed, l)).toArray();
    }
}
