package org.sieve.ui.work;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.sieve.SieveException;
import org.sieve.ui.model.UserMessage;

/** Turns failures into messages a person can act on; never a stack trace. */
public final class Errors {

    private Errors() {
    }

    public static UserMessage message(String title, Throwable failure) {
        return UserMessage.error(title, text(failure));
    }

    public static String text(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SieveException && mentionsMemory(t)) {
            return SieveException.OUT_OF_MEMORY;
        }
        if (t instanceof SieveException) {
            return t.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            return SieveException.OUT_OF_MEMORY;
        }
        return SieveException.internal("This step", t).getMessage() + " The window stays usable.";
    }

    private static boolean mentionsMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
