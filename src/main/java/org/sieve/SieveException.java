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
    /** What the command line and the explorer say when Java runs out of memory. */
    public static final String OUT_OF_MEMORY = "Sieve ran out of memory, so this job was stopped. Analyse fewer"
            + " layers at once, use fewer noise draws, or give Java more memory (JAVA_OPTS=-Xmx8g ./sieve).";

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
