package org.sieve.train;

import java.util.SplittableRandom;
import org.sieve.tf.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Projected gradient descent on the loss (Madry et al. 2018): from a random point of the L-inf ball
 * of radius epsilon around each image, {@code steps} times move every pixel by the step size in the
 * sign of the loss' gradient with respect to the input, then project back into the ball and onto
 * [0, 1]. Works in the network's normalised input, so epsilon and the bounds are divided by the
 * channel's standard deviation; in pixel units it is the usual attack.
 */
final class PgdAttack {

    private final float epsilon;
    private final int steps;
    private final PixelStatistics stats;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TInt64> labels;
    private final Placeholder<TFloat32> clean;
    private final Operand<TFloat32> next;

    /**
     * @param input  the placeholder the network reads (normalised images)
     * @param logits the network's inference logits built on {@code input}
     */
    PgdAttack(Ops tf, Graph graph, Placeholder<TFloat32> input, Operand<TFloat32> logits, Placeholder<TInt64> labels,
            PixelStatistics stats, float epsilon, int steps) {
        this.epsilon = epsilon;
        this.steps = steps;
        this.stats = stats;
        this.input = input;
        this.labels = labels;
        clean = tf.placeholder(TFloat32.class, Placeholder.shape(input.shape()));
        Output<?> gradient = graph.addGradients(Losses.crossEntropy(tf, logits, labels).asOutput(),
                new Output<?>[] {input.asOutput()})[0];
        int c = stats.mean().length;
        float[] radius = new float[c];
        float[] step = new float[c];
        float[] low = new float[c];
        float[] high = new float[c];
        for (int ch = 0; ch < c; ch++) {
            radius[ch] = epsilon / stats.std()[ch];
            step[ch] = stepSize(epsilon, steps) / stats.std()[ch];
            low[ch] = normalised(0, ch);
            high[ch] = normalised(1, ch);
        }
        Operand<TFloat32> moved = tf.math.add(input,
                tf.math.mul(tf.constant(step), tf.math.sign(gradient.expect(TFloat32.class))));
        Operand<TFloat32> r = tf.constant(radius);
        Operand<TFloat32> inBall = tf.math.minimum(tf.math.maximum(moved, tf.math.sub(clean, r)), tf.math.add(clean, r));
        next = tf.math.minimum(tf.math.maximum(inBall, tf.constant(low)), tf.constant(high));
    }

    /** Madry et al.'s step: 2.5 epsilon spread over the steps, so the walk can cross the ball. */
    static float stepSize(float epsilon, int steps) {
        return 2.5f * epsilon / steps;
    }

    /** The batch's adversarial counterpart, same labels; {@code random} draws the starting points. */
    Batch perturb(Session session, Batch batch, SplittableRandom random) {
        float[] x0 = batch.pixels();
        float[] x = new float[x0.length];
        int c = batch.channels();
        for (int i = 0; i < x.length; i++) {
            int ch = i % c;
            float shift = (float) ((random.nextDouble() * 2 - 1) * epsilon / stats.std()[ch]);
            x[i] = Math.min(Math.max(x0[i] + shift, normalised(0, ch)), normalised(1, ch));
        }
        try (TFloat32 cleanValues = batch.imageTensor(); TInt64 y = Tensors.of(batch.labels())) {
            for (int s = 0; s < steps; s++) {
                try (TFloat32 current = Tensors.of(x, batch.size(), batch.height(), batch.width(), c);
                        Result r = session.runner().feed(input, current).feed(clean, cleanValues).feed(labels, y)
                                .fetch(next).run()) {
                    x = Tensors.floats(r.get(0));
                }
            }
        }
        return new Batch(x, batch.labels(), batch.size(), batch.height(), batch.width(), c);
    }

    private float normalised(float pixel, int channel) {
        return (pixel - stats.mean()[channel]) / stats.std()[channel];
    }
}
