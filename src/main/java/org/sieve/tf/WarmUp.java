package org.sieve.tf;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A first, tiny noisy forward and backward pass through the kinds of ops an analysis builds
 * (noise, upsampling, convolution, pooling, matrix product, gradients), run once and thrown
 * away. The first graph of a process pays for loading TensorFlow Java's op classes and
 * TensorFlow's kernels, about a second or two here; paid while the program starts, the first
 * analysis does not wait for it.
 */
public final class WarmUp {

    private WarmUp() {
    }

    public static void run() {
        try (Graph graph = TensorFlowRuntime.get().newGraph()) {
            Ops tf = Ops.create(graph);
            Variable<TFloat32> logSigma = tf.variable(tf.fill(tf.constant(new int[] {1, 2, 2, 1}),
                    tf.constant(-4.6f)));
            Operand<TFloat32> up = tf.image.resizeNearestNeighbor(logSigma, tf.constant(new int[] {8, 8}));
            Operand<TFloat32> eps = tf.random.statelessRandomNormal(tf.constant(new int[] {2, 8, 8, 1}),
                    tf.constant(new long[] {1, 0}));
            Operand<TFloat32> noisy = tf.math.add(tf.fill(tf.constant(new int[] {2, 8, 8, 1}), tf.constant(0.5f)),
                    tf.math.mul(tf.math.exp(up), eps));
            Operand<TFloat32> conv = tf.nn.relu(tf.nn.conv2d(noisy, tf.ones(tf.constant(new int[] {3, 3, 1, 4}),
                    TFloat32.class), List.of(1L, 1L, 1L, 1L), "SAME"));
            Operand<TFloat32> pooled = tf.nn.maxPool(conv, tf.constant(new int[] {1, 2, 2, 1}),
                    tf.constant(new int[] {1, 2, 2, 1}), "VALID");
            Operand<TFloat32> dense = tf.linalg.matMul(tf.reshape(pooled, tf.constant(new int[] {2, 64})),
                    tf.ones(tf.constant(new int[] {64, 3}), TFloat32.class));
            Operand<TFloat32> loss = tf.math.mean(tf.math.square(dense), tf.constant(new int[] {0, 1}));
            Output<?> gradient = graph.addGradients(loss.asOutput(), new Output<?>[] {logSigma.asOutput()})[0];
            try (Session session = TensorFlowRuntime.get().openSession(graph, ComputeDevice.CPU,
                    TensorFlowRuntime.Rewriting.AS_BUILT)) {
                session.initialize();
                session.runner().fetch(loss).fetch(gradient).run().close();
            }
        }
    }
}
