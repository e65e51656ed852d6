package org.sieve.analysis;

import java.util.stream.LongStream;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.model.ModelKind;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Activation;
import org.sieve.network.ActivationLayer;
import org.sieve.network.Dense;
import org.sieve.network.Layer;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One score per class from a model, as its {@link ModelKind} says: a classifier's output layer
 * through softmax (unless it already ends in one, or is a single score); a detector's named heatmap reduced to its
 * maximum over positions, per class (the class's best detection, not a distribution); a feature
 * extractor has none. The explorer's prediction panel and {@code ./sieve predict} both go through
 * {@link Classifier}, which asks this class.
 */
public final class ClassScores {

    private ClassScores() {
    }

    /** Why {@code m} shows no predictions, to say instead of an empty list; null when it predicts. */
    public static String none(ModelMetadata m) {
        return m.kind().predicts() ? null
                : (m.name() == null ? m.id() : m.name()) + " is a feature extractor: it predicts no classes;"
                        + " analyse its layers instead";
    }

    /** The layer the scores come from: a detector's heatmap, else the output; fails for a feature extractor. */
    static String scoresLayer(Model model) {
        ModelKind kind = model.metadata().kind();
        if (!kind.predicts()) {
            throw new SieveException(none(model.metadata()));
        }
        return kind.type() == ModelKind.Type.DETECTOR ? kind.scoresOutput() : model.network().output().name();
    }

    /** The scores of a batch, [batch, classes], from the {@link #scoresLayer} output {@code y}. */
    static Operand<TFloat32> of(Ops tf, Model model, Operand<TFloat32> y) {
        if (model.metadata().kind().type() == ModelKind.Type.DETECTOR) {
            int rank = y.shape().numDimensions();
            if (rank < 3) {
                throw new SieveException("scoresOutput '" + scoresLayer(model) + "' of " + model.id()
                        + " has no positions (shape " + y.shape() + "); name a heatmap layer, [positions..., classes]");
            }
            long[] positions = LongStream.range(1, rank - 1).toArray();
            return tf.reduceMax(y, tf.constant(positions));
        }
        // One unit is a score (a sigmoid's probability, a regression), not one class of a distribution.
        return isScore(y) || producesProbabilities(model.network().output()) ? y : tf.nn.softmax(y);
    }

    /** Whether a classifier's output {@code y} is a single value per image. */
    public static boolean isScore(Operand<TFloat32> y) {
        return y.shape().numDimensions() == 2 && y.shape().size(1) == 1;
    }

    private static boolean producesProbabilities(Layer out) {
        return out instanceof Dense d && d.activation() == Activation.SOFTMAX
                || out instanceof ActivationLayer a && a.activation() == Activation.SOFTMAX;
    }
}
