package org.sieve.ui.work;

import java.util.List;
import org.sieve.analysis.Classifier;
import org.sieve.image.PreparedImage;
import org.sieve.model.Model;
import org.sieve.ui.model.Prediction;

/**
 * The current model's top classes for an image. Keeps one model's TensorFlow graph open for the
 * next image; use from one thread only (the background thread), and close it there.
 */
public final class Predictor implements AutoCloseable {

    static final int TOP = 5;

    private String modelKey;
    private Classifier classifier;

    public List<Prediction> top(Model model, PreparedImage image) {
        if (!model.sha256().equals(modelKey)) {
            close();
            classifier = new Classifier(model);
            modelKey = model.sha256();
        }
        return classifier.top(image.pixels(), TOP).stream()
                .map(p -> new Prediction(p.label(), p.probability())).toList();
    }

    @Override
    public void close() {
        if (classifier != null) {
            classifier.close();
            classifier = null;
            modelKey = null;
        }
    }
}
