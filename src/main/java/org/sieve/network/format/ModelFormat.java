package org.sieve.network.format;

import java.nio.file.Path;
import org.sieve.model.Model;

/**
 * One kind of model file: how to recognise it by content and how to open it. Every format Sieve
 * knows is listed once, in {@link ModelFormats#ALL}; a format that is recognised but not read
 * refuses with a message saying how to convert the file.
 */
public interface ModelFormat {

    /** What users call it, e.g. "Keras 3 .keras". */
    String name();

    /** Whether Sieve reads this format (false for formats it only recognises to refuse them). */
    boolean opens();

    /** Whether the file or folder is of this format, judged by content only. */
    boolean recognises(ModelFile file);

    /** The model in the file or folder; a format Sieve does not read fails with exit status 3. */
    default Model open(Path path) {
        return open(path, null);
    }

    /**
     * The model whose output is the node {@code output}, for a graph model that computes several
     * (e.g. a detector's heatmap beside its boxes); formats with one output refuse a name.
     *
     * @param output the node to analyse, or null for the model's only output
     */
    Model open(Path path, String output);
}
