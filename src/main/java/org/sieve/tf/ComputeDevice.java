package org.sieve.tf;

import java.util.Locale;
import org.sieve.SieveException;

/** Where TensorFlow runs the analysis. */
public enum ComputeDevice {
    CPU, GPU;

    public static ComputeDevice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SieveException("Unknown device '" + text + "': use cpu or gpu.");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
