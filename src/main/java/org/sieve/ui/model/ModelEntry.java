package org.sieve.ui.model;

import java.nio.file.Path;
import java.util.Locale;
import org.sieve.model.ModelMetadata;

/**
 * A model the picker offers: a bundled one (by id) or one opened from a folder or model file.
 *
 * @param recent whether it was opened by the user rather than found in the catalogue
 */
public record ModelEntry(String id, String name, String dataset, Double testAccuracy, Path dir, boolean recent) {

    public static ModelEntry of(ModelMetadata m, Path dir, boolean recent) {
        return new ModelEntry(m.id(), m.name() == null || m.name().isBlank() ? m.id() : m.name(), m.dataset(),
                m.testAccuracy(), dir, recent);
    }

    /** A model file (Keras, ...) opened earlier, offered by its file name until it is read again. */
    public static ModelEntry ofFile(Path file) {
        String name = file.getFileName().toString();
        return new ModelEntry(name, name, null, null, file, true);
    }

    /** One line: name, data set and accuracy. */
    public String describe() {
        StringBuilder s = new StringBuilder(name);
        if (dataset != null) {
            s.append(" · ").append(dataset);
        }
        if (testAccuracy != null) {
            s.append(String.format(Locale.ROOT, " · %.1f%% test accuracy", testAccuracy * 100));
        }
        if (recent) {
            s.append(" · ").append(dir);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
