package org.sieve.network.format.common;

import java.util.ArrayList;
import java.util.List;

/**
 * What reading a graph decided on the user's behalf (where a graph was cut), for the command
 * that opened it to print as {@code note:} lines. Kept per thread: models are read on the
 * thread that asked.
 */
public final class ReadNotes {

    private static final ThreadLocal<List<String>> NOTES = ThreadLocal.withInitial(ArrayList::new);

    private ReadNotes() {
    }

    /** Adds a note once: a graph translated again after a cut repeats what it noticed. */
    public static void add(String note) {
        if (!NOTES.get().contains(note)) {
            NOTES.get().add(note);
        }
    }

    /** The notes since the last call, which clears them. */
    public static List<String> drain() {
        List<String> notes = List.copyOf(NOTES.get());
        NOTES.get().clear();
        return notes;
    }
}
