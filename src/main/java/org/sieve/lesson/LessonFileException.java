package org.sieve.lesson;

import org.sieve.SieveException;

/** A lesson file that cannot be used: the message names the file, the step and the field. */
public final class LessonFileException extends SieveException {

    public LessonFileException(String message) {
        super(message);
    }

    public LessonFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
