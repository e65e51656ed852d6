package org.sieve.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Typed reads of single JSON values from a file: each returns empty when the value is absent or
 * not of the type asked for, never a wrapped, truncated or rounded one (5.5 is not an integer,
 * 2^64 is not a long), so the caller can name the field in its own message. Gson's getAsX would
 * instead throw unchecked exceptions or silently truncate.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * What is wrong with unparsable JSON, for a message: the parser's own words (line and column)
     * without its exception class or its link to a troubleshooting page.
     */
    public static String problem(JsonParseException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause().getMessage() != null) {
            root = root.getCause();
        }
        String text = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return text.replaceFirst("^[a-z][\\w.]*\\.[A-Z]\\w*(Exception|Error): ", "");
    }

    /** A JSON string. */
    public static Optional<String> text(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
                ? Optional.of(e.getAsString()) : Optional.empty();
    }

    /** A JSON number that is a whole number from {@code min} to {@code max}. */
    public static OptionalLong whole(JsonElement e, long min, long max) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return OptionalLong.empty();
        }
        try {
            long v = new BigDecimal(((JsonPrimitive) e).getAsString()).longValueExact();
            return v >= min && v <= max ? OptionalLong.of(v) : OptionalLong.empty();
        } catch (ArithmeticException | NumberFormatException notWhole) {
            return OptionalLong.empty();
        }
    }

    /** A finite JSON number. */
    public static OptionalDouble finite(JsonElement e) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return OptionalDouble.empty();
        }
        try {
            double d = e.getAsDouble();
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException notNumber) {
            return OptionalDouble.empty();
        }
    }
}
