package org.sieve.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.model.ModelKind;

/** Class scores by model kind, on a small saved-and-loaded layers network with a heatmap layer. */
class ClassScoresTest {

    @TempDir
    Path tmp;

    private static float[] image() {
        float[] px = new float[4 * 4 * 2];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) Math.abs(Math.sin(1.7 * i));
        }
        return px;
    }

    @Test
    void detectorScoresAreTheHeatmapMaximumPerClass() {
        float[] px = image();
        float[] expected = TinyDetector.expectedScores(px, 2);
        try (Classifier c = new Classifier(TinyDetector.save(tmp, ModelKind.detector("heat"), 4, 2))) {
            assertArrayEquals(expected, c.probabilities(new float[][] {px})[0], 1e-5f);
            Classifier.Prediction top = c.top(px, 1).get(0);
            assertEquals(Classifier.argMax(expected), top.index());
            assertEquals(TinyDetector.LABELS.get(top.index()), top.label());
        }
    }

    @Test
    void classifierScoresAreProbabilitiesOfTheOutputLayer() {
        try (Classifier c = new Classifier(TinyDetector.save(tmp, ModelKind.CLASSIFIER, 4, 2))) {
            float[] p = c.probabilities(new float[][] {image()})[0];
            assertEquals(3, p.length);
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-5);
        }
    }

    @Test
    void featureExtractorSaysItPredictsNothing() {
        Model model = TinyDetector.save(tmp, ModelKind.FEATURE_EXTRACTOR, 4, 2);
        String why = ClassScores.none(model.metadata());
        assertTrue(why.contains("Tiny feature-extractor is a feature extractor"), why);
        try (Classifier classifier = new Classifier(model)) {
            SieveException e = assertThrows(SieveException.class, () -> classifier.top(new float[4 * 4 * 2], 1));
            assertEquals(why, e.getMessage());
        }
        assertNull(ClassScores.none(TinyDetector.save(tmp, ModelKind.CLASSIFIER, 4, 2).metadata()));
    }
}
