package org.sieve.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a model's output means, from sieve.json's {@code kind}: a classifier's output layer gives one score
 * per class; a detector's class scores are derived from a named output holding a score per position and
 * class (a heatmap), as the maximum over positions; a feature extractor makes no predictions at all
 * (a backbone whose head was removed).
 *
 * @param type         which of the three
 * @param scoresOutput the detector's heatmap layer (its last axis the classes); null for the other kinds
 */
public record ModelKind(Type type, String scoresOutput) {

    /** The kinds as sieve.json spells them. */
    public enum Type {
        CLASSIFIER("classifier"), DETECTOR("detector"), FEATURE_EXTRACTOR("feature-extractor");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Type parse(String text) {
            return Arrays.stream(values()).filter(t -> t.json.equals(text)).findFirst().orElse(null);
        }
    }

    public static final ModelKind CLASSIFIER = new ModelKind(Type.CLASSIFIER, null);
    public static final ModelKind FEATURE_EXTRACTOR = new ModelKind(Type.FEATURE_EXTRACTOR, null);

    public ModelKind {
        Objects.requireNonNull(type, "type");
        if ((type == Type.DETECTOR) != (scoresOutput != null)) {
            throw new IllegalArgumentException("a detector, and only a detector, names its scores output");
        }
    }

    public static ModelKind detector(String scoresOutput) {
        return new ModelKind(Type.DETECTOR, Objects.requireNonNull(scoresOutput, "scoresOutput"));
    }

    /** Whether the model predicts classes at all. */
    public boolean predicts() {
        return type != Type.FEATURE_EXTRACTOR;
    }

    /** For listings: "classifier", "detector (max of heatmap over positions)", "feature extractor". */
    public String describe() {
        return switch (type) {
            case CLASSIFIER -> "classifier";
            case DETECTOR -> "detector (class score: max of " + scoresOutput + " over positions)";
            case FEATURE_EXTRACTOR -> "feature extractor";
        };
    }
}
