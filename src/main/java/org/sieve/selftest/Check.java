package org.sieve.selftest;

/**
 * One step of the self-test.
 *
 * @param name    what was checked, e.g. "TensorFlow"
 * @param passed  whether it worked
 * @param detail  what was found (a version, values), or why it failed
 * @param seconds how long it took
 */
public record Check(String name, boolean passed, String detail, double seconds) {

    /** E.g. "TensorFlow 2.16.1 loaded (1.1 s)" or "image FAILED: Image not found: ... (0.0 s)". */
    public String text() {
        return String.format(java.util.Locale.ROOT, "%s %s%s (%.1f s)", name, passed ? "" : "FAILED: ", detail,
                seconds);
    }
}
