package org.sieve.cli;

import org.sieve.SieveException;

/** The command line was used wrongly: exit status 2 and a pointer to the help. */
final class UsageException extends SieveException {

    static final int USAGE = 2;

    UsageException(String message) {
        super(message, USAGE, null);
    }
}
