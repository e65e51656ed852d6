package org.sieve.io;

import java.util.OptionalLong;

/**
 * Sizes derived from a file or an option (shape products, byte counts, batch sizes), computed
 * without overflow: a product that does not fit is absent rather than wrapped to a small or
 * negative number that some later allocation or TensorFlow shape would trust.
 */
public final class Sizes {

    private Sizes() {
    }

    /** The product of non-negative {@code factors}, or empty when it exceeds {@link Long#MAX_VALUE}. */
    public static OptionalLong product(long... factors) {
        long p = 1;
        try {
            for (long f : factors) {
                if (f < 0) {
                    throw new IllegalArgumentException("negative size " + f);
                }
                p = Math.multiplyExact(p, f);
            }
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(p);
    }

    /** {@code a + b} for non-negative sizes, saturating at {@link Long#MAX_VALUE} instead of wrapping. */
    public static long sumAtMost(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** The product of {@code factors} when it is at most {@code max}, else empty. */
    public static OptionalLong productAtMost(long max, long... factors) {
        OptionalLong p = product(factors);
        return p.isPresent() && p.getAsLong() <= max ? p : OptionalLong.empty();
    }
}
