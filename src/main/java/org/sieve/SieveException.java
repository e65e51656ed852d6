package org.sieve;

/**
 * A failure the user can act on: the message says what was wrong, with which file or value,
 * and what to do. The command line prints it as one line and exits with {@link #exitCode()};
 * the GUI shows it as a notification. Never used for programming errors.
 */
public class SieveException extends RuntimeException {

    /** Exit status for bad input (file, value, setting). */
    public static final int BAD_INPUT = 3;
    /** Exit status for failures while computing. */
    public static final int COMPUTE_FAILED = 4;

    private final int exitCode;

    public SieveException(String message) {
        this(message, BAD_INPUT, null);
    }

    public SieveException(String message, Throwable cause) {
        this(message, BAD_INPUT, cause);
    }

    public SieveException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
