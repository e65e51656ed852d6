package org.sieve.cli;

import org.sieve.SieveException;
import picocli.CommandLine.ExitCode;

/** The command line was used wrongly: exit status 2 and a pointer to the help. */
final class UsageException extends SieveException {

    static final int USAGE = ExitCode.USAGE;

    UsageException(String message) {
        super(message, USAGE, null);
    }
}
