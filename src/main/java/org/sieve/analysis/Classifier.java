package org.sieve.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.ConstantWeights;
import org.sieve.network.GraphBuilder;
import org.sieve.tf.ComputeDevice;
import org.sieve.tf.Tensors;
import org.sieve.tf.TensorFlowRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A model's class scores for images in pixel space [0,1], normalised inside the graph as the model
 * expects: probabilities for a classifier, per-class maxima of the heatmap for a detector (see
 * {@link ClassScores}). A feature extractor has none: constructing one for it fails with a message.
 */
public final class Classifier implements AutoCloseable {

    /** One class and its probability. */
    public record Prediction(int index, String label, double probability) {
    }

    private final ModelMetadata meta;
    private final Graph graph = TensorFlowRuntime.get().newGraph();
    private final Session session;
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> output;
    private final Operand<TFloat32> probabilities;

    public Classifier(Model model) {
        this.meta = model.metadata();
        try {
            Ops tf = Ops.create(graph);
            input = tf.placeholder(TFloat32.class, Placeholder.shape(
                    Shape.of(-1, meta.input().height(), meta.input().width(), meta.input().channels())));
            Operand<TFloat32> x = tf.math.div(tf.math.sub(input, tf.constant(meta.normalizationMean())),
                    tf.constant(meta.normalizationStd()));
            // A feature extractor has an output but no class scores.
            String out = model.network().output().name();
            String scores = meta.kind().predicts() ? ClassScores.scoresLayer(model) : out;
            Map<String, Operand<TFloat32>> taps = GraphBuilder.build(model.network(),
                    new ConstantWeights(tf, model.network()), x, List.of(scores, out));
            output = taps.get(out);
            probabilities = meta.kind().predicts() ? ClassScores.of(tf, model, taps.get(scores)) : null;
            session = TensorFlowRuntime.get().openSession(graph, ComputeDevice.CPU);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** Probabilities per image, each image HWC in [0,1]. */
    public float[][] probabilities(float[][] images) {
        if (probabilities == null) {
            throw new SieveException(ClassScores.none(meta));
        }
        return run(probabilities, images);
    }

    /** The network's final output for one image, flat, as the network computes it (before any softmax Sieve adds). */
    public float[] output(float[] image) {
        return run(output, new float[][] {image})[0];
    }

    private float[][] run(Operand<TFloat32> fetched, float[][] images) {
        int perImage = meta.input().values();
        float[] batch = new float[images.length * perImage];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, batch, i * perImage, perImage);
        }
        try (var t = Tensors.of(batch, images.length, meta.input().height(), meta.input().width(),
                meta.input().channels());
                Result r = session.runner().feed(input, t).fetch(fetched).run()) {
            float[] flat = Tensors.floats(r.get(0));
            int values = flat.length / images.length;
            float[][] out = new float[images.length][];
            for (int i = 0; i < images.length; i++) {
                out[i] = Arrays.copyOfRange(flat, i * values, (i + 1) * values);
            }
            return out;
        }
    }

    /** The {@code k} most probable classes of one image, most probable first. */
    public List<Prediction> top(float[] image, int k) {
        float[] p = probabilities(new float[][] {image})[0];
        List<Prediction> all = new ArrayList<>();
        IntStream.range(0, p.length).forEach(i -> all.add(new Prediction(i,
                i < meta.labels().size() ? meta.labels().get(i) : String.valueOf(i), p[i])));
        all.sort(Comparator.comparingDouble(Prediction::probability).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }

    /** Index of the most probable class. */
    public static int argMax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
