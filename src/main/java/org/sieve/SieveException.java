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

    /**
     * A failure inside Sieve itself (a bug, or a library refusing what Sieve gave it) as one line
     * for a person: its own words, without Java class names, and where to report it.
     *
     * @param context what was being done, e.g. "The analysis of x.png"
     */
    public static SieveException internal(String context, Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = String.valueOf(root.getMessage() != null ? root.getMessage() : t.getMessage())
                .lines().findFirst().orElse("")
                .replaceAll("\\b([a-z]\\w*\\.)+[A-Z]\\w*(Exception|Error)(: )?", "").strip();
        return new SieveException(context + " failed inside Sieve (" + (detail.isEmpty() || detail.equals("null")
                ? "no details" : detail) + "). Please report this with the command or steps that led to it.",
                COMPUTE_FAILED, t);
    }

    public int exitCode() {
        return exitCode;
    }
}
