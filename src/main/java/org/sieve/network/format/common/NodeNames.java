package org.sieve.network.format.common;

import org.sieve.SieveException;
import org.sieve.model.Model;

/**
 * The names and words that graph files (ONNX, TensorFlow GraphDef) give their nodes, values and
 * attributes become layer names and appear in one-line messages, so they must be printable:
 * a control character (a newline, a terminal escape) is refused before anything quotes it.
 */
public final class NodeNames {

    private NodeNames() {
    }

    /**
     * @param what  where the names sit, for the message, e.g. "a node name"
     * @param model the model file, for the message
     */
    public static void checkPrintable(Iterable<String> names, String what, String model) {
        for (String name : names) {
            checkPrintable(name, what, model);
        }
    }

    /** {@code text} with every control character written as a JSON-style escape, so it stays one printable line. */
    public static String escaped(String text) {
        if (text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        text.chars().forEach(c -> b.append(Character.isISOControl(c)
                ? String.format(java.util.Locale.ROOT, "\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }

    public static void checkPrintable(String name, String what, String model) {
        if (name.chars().anyMatch(Character::isISOControl)) {
            String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
            throw new SieveException("Model " + model + ": " + what + " " + MetadataCheck.quoted(shown)
                    + " holds a control character; names and words in a model must be printable. The file is"
                    + " damaged or was not written by an exporter; export the model again.");
        }
    }
}
