package org.sieve.ui.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.sieve.SieveException;
import org.sieve.ui.model.UserMessage;

/** Failures become messages a person can act on, never a stack trace. */
class ErrorsTest {

    @Test
    void userFacingMessagesPassThroughUnwrapped() {
        SieveException e = new SieveException("Image x.png is not a PNG, JPEG, BMP or GIF file.");
        assertEquals(e.getMessage(), Errors.text(new CompletionException(e)));
        UserMessage m = Errors.message("Cannot open the image", e);
        assertEquals(UserMessage.Level.ERROR, m.level());
    }

    @Test
    void runningOutOfMemorySaysWhatToDo() {
        String direct = Errors.text(new OutOfMemoryError("Java heap space"));
        String wrapped = Errors.text(new SieveException("The analysis failed: java.lang.OutOfMemoryError",
                SieveException.COMPUTE_FAILED, new OutOfMemoryError("Java heap space")));
        for (String text : new String[] {direct, wrapped}) {
            assertTrue(text.contains("ran out of memory") && text.contains("fewer layers"), text);
        }
    }

    @Test
    void programmingErrorsAreExplainedWithoutATrace() {
        String text = Errors.text(new IllegalStateException("boom"));
        assertTrue(text.contains("boom") && text.contains("stays usable"), text);
        assertFalse(text.contains("at org."), text);
    }
}
