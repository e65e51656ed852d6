package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.network.Network;
import org.sieve.network.format.graph.GraphDefReader;
import org.sieve.tf.ComputeDevice;
import org.sieve.tf.TensorFlowRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A frozen GraphDef written by TensorFlow itself (a graph built through TensorFlow Java and
 * serialised by its C library, weights as Const nodes) reads into a Sieve network that computes
 * what TensorFlow computes on the same graph.
 */
class FrozenGraphReaderTest {

    @TempDir
    Path tmp;

    private static Operand<TFloat32> constant(Ops tf, Random random, long... shape) {
        int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat() - 0.5f;
        }
        return tf.constant(Shape.of(shape), DataBuffers.of(v, true, false));
    }

    /** image -> conv+bias+relu -> max pool -> two convs whose difference is pooled -> dense -> softmax. */
    private static Operand<TFloat32> build(Ops root, Random random) {
        Ops tf = root;
        Ops block1 = root.withSubScope("block1");
        Ops block2 = root.withSubScope("block2");
        Ops head = root.withSubScope("head");
        Operand<TFloat32> x = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 16, 16, 3)));
        Operand<TFloat32> c1 = block1.withName("conv").nn.conv2d(x, constant(tf, random, 3, 3, 3, 8),
                List.of(1L, 1L, 1L, 1L), "SAME");
        Operand<TFloat32> r1 = block1.withName("relu").nn.relu(block1.withName("bias").nn.biasAdd(c1,
                constant(tf, random, 8)));
        Operand<TFloat32> p1 = block1.withName("pool").nn.maxPool(r1, tf.constant(new int[] {1, 2, 2, 1}),
                tf.constant(new int[] {1, 2, 2, 1}), "VALID");
        Operand<TFloat32> a = block2.withName("a").nn.conv2d(p1, constant(tf, random, 3, 3, 8, 8),
                List.of(1L, 1L, 1L, 1L), "SAME");
        Operand<TFloat32> b = block2.withName("b").nn.conv2d(p1, constant(tf, random, 1, 1, 8, 8),
                List.of(1L, 1L, 1L, 1L), "SAME");
        Operand<TFloat32> diff = block2.withName("sub").math.sub(a, b);
        Operand<TFloat32> gap = head.withName("mean").math.mean(diff, tf.constant(new int[] {1, 2}));
        Operand<TFloat32> logits = head.withName("bias").nn.biasAdd(head.withName("matmul").linalg.matMul(gap,
                constant(tf, random, 8, 5)), constant(tf, random, 5));
        return tf.withName("probabilities").nn.softmax(logits);
    }

    @Test
    void frozenGraphComputesWhatTensorFlowComputes() throws IOException {
        TensorFlowRuntime.get();
        Path file = tmp.resolve("frozen.pb");
        float[] expected;
        Network net;
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> out = build(tf, new Random(5));
            Files.write(file, g.toGraphDef().toByteArray());
            net = GraphDefReader.readFrozen(file, null);
            float[] x = WriterReference.probeInput(net.input());
            try (Session s = TensorFlowRuntime.get().openSession(g, ComputeDevice.CPU);
                    TFloat32 in = TFloat32.tensorOf(Shape.of(1, 16, 16, 3), DataBuffers.of(x, true, false));
                    Result r = s.runner().feed("image", in).fetch(out).run()) {
                TFloat32 t = (TFloat32) r.get(0);
                expected = new float[(int) t.size()];
                t.copyTo(DataBuffers.of(expected, false, false));
            }
        }
        assertEquals(List.of("InputLayer image", "Conv2D block1.relu", "MaxPooling2D block1.pool", "Conv2D block2.a",
                "Conv2D block2.b", "Subtract block2.sub", "GlobalAveragePooling2D head.mean", "Dense head.bias",
                "Activation probabilities"), net.layers().stream().map(l -> l.kind() + " " + l.name()).toList());
        float[] actual = FormatFixtures.outputs(net, WriterReference.probeInput(net.input())).get("probabilities");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= 1e-6, "class " + i + ": " + actual[i] + " vs " + expected[i]);
        }
        ImportRoundTrip.assertSavesAndReadsBack(net, tmp.resolve("saved"));
    }
}
