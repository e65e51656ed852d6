package org.sieve.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sieve.SieveException;

/**
 * Identifiers read from files (a model's id, a layer's name) become parts of file names only
 * through here: letters, digits, '.', '_' and '-', never a leading dot, never a separator. A
 * model file is data and must not choose where Sieve writes.
 */
public final class SafeNames {

    /** What an identifier in a file may look like to be used as it is. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");
    private static final int MAX_LENGTH = 100;

    private SafeNames() {
    }

    /** True when {@code id} can name a file as it is. */
    public static boolean isSafe(String id) {
        return id != null && IDENTIFIER.matcher(id).matches();
    }

    /** {@code text} as a file name part: every other character becomes '_', a leading dot too; never empty. */
    public static String fileNamePart(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(MAX_LENGTH).forEach(c -> b.append(c < 128 && (Character.isLetterOrDigit(c)
                || c == '.' || c == '_' || c == '-') ? (char) c : '_'));
        if (b.length() == 0 || b.charAt(0) == '.') {
            b.insert(0, '_');
        }
        return b.toString();
    }

    /**
     * {@code parent/name}, checked to lie directly inside {@code parent}: the second check, where
     * the path is built, in case an unsanitised name ever reaches here.
     */
    public static Path child(Path parent, String name) {
        Path child = parent.resolve(name).normalize();
        if (!parent.normalize().equals(child.getParent() == null ? Path.of("") : child.getParent())
                || name.isEmpty() || name.startsWith(".")) {
            throw new SieveException(String.format(Locale.ROOT, "Refused to write '%s': the name would place the"
                    + " file outside %s. Rename the model or layer.", name, parent));
        }
        return child;
    }
}
