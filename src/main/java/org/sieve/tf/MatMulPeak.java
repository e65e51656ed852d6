package org.sieve.tf;

import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * This machine's practical peak for the benchmarks to compare against: floating-point
 * operations per second of a large float32 matrix product on TensorFlow's CPU kernels, the
 * best of several runs.
 */
public final class MatMulPeak {

    private static final int SIZE = 1024;
    private static final int RUNS = 10;

    private MatMulPeak() {
    }

    /** Operations per second of the best of {@value #RUNS} products of two 1024 x 1024 matrices. */
    public static double flopsPerSecond() {
        Random random = new Random(1);
        float[] values = new float[SIZE * SIZE];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        try (Graph graph = TensorFlowRuntime.get().newGraph()) {
            Ops tf = Ops.create(graph);
            // A variable, not a constant: TensorFlow would fold a product of constants before the clock starts.
            Operand<TFloat32> a = tf.variable(tf.constant(Shape.of(SIZE, SIZE), DataBuffers.of(values, true, false)));
            Operand<TFloat32> product = tf.reduceSum(tf.linalg.matMul(a, a), tf.constant(new int[] {0, 1}));
            try (Session session = TensorFlowRuntime.get().openSession(graph, ComputeDevice.CPU)) {
                session.initialize();
                long best = Long.MAX_VALUE;
                for (int r = 0; r < RUNS; r++) {
                    long start = System.nanoTime();
                    session.runner().fetch(product).run().close();
                    best = Math.min(best, System.nanoTime() - start);
                }
                return 2.0 * SIZE * SIZE * SIZE / (best / 1e9);
            }
        }
    }
}
