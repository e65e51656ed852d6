package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
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
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;

/**
 * MoveNet's preprocessing takes its single image out of the batch and puts it back
 * (Unpack, ExpandDims, Squeeze, ExpandDims): Sieve reads the pair as the identity on each noisy
 * copy, and refuses an op that computes on the image while it is out of its batch.
 */
class BatchOfOneTest {

    @TempDir
    Path tmp;

    private static Operand<TFloat32> unbatched(Ops tf) {
        Operand<TFloat32> x = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 8, 8, 3)));
        return tf.withName("unstack").unstack(x, 1L, Unstack.axis(0L)).iterator().next();
    }

    private static Operand<TFloat32> kernel(Ops tf) {
        float[] k = new float[3 * 3 * 3 * 4];
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) Math.sin(0.7 * i);
        }
        return tf.constant(Shape.of(3, 3, 3, 4), DataBuffers.of(k, true, false));
    }

    @Test
    void imageTakenOutOfItsBatchAndPutBackComputesWhatTensorFlowComputes() throws IOException {
        TensorFlowRuntime.get();
        Path file = tmp.resolve("batch-of-one.pb");
        float[] expected;
        Network net;
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> back = tf.withName("stack").expandDims(tf.withName("squeeze").squeeze(
                    tf.withName("expand").expandDims(unbatched(tf), tf.constant(0)), Squeeze.axis(List.of(0L))),
                    tf.constant(-4));
            Operand<TFloat32> out = tf.withName("relu").nn.relu(tf.withName("conv").nn.conv2d(back, kernel(tf),
                    List.of(1L, 1L, 1L, 1L), "SAME"));
            Files.write(file, g.toGraphDef().toByteArray());
            net = GraphDefReader.readFrozen(file, null);
            float[] x = WriterReference.probeInput(net.input());
            try (Session s = TensorFlowRuntime.get().openSession(g, ComputeDevice.CPU);
                    TFloat32 in = TFloat32.tensorOf(Shape.of(1, 8, 8, 3), DataBuffers.of(x, true, false));
                    Result r = s.runner().feed("image", in).fetch(out).run()) {
                TFloat32 t = (TFloat32) r.get(0);
                expected = new float[(int) t.size()];
                t.copyTo(DataBuffers.of(expected, false, false));
            }
        }
        assertEquals(List.of("InputLayer image", "Conv2D relu"),
                net.layers().stream().map(l -> l.kind() + " " + l.name()).toList());
        float[] actual = FormatFixtures.outputs(net, WriterReference.probeInput(net.input())).get("relu");
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= 1e-5, "value " + i + ": " + actual[i] + " vs " + expected[i]);
        }
    }

    @Test
    void anOpOnTheImageOutOfItsBatchIsRefused() throws IOException {
        Path file = tmp.resolve("out-of-batch.pb");
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            tf.withName("stack").expandDims(tf.withName("relu").nn.relu(unbatched(tf)), tf.constant(0));
            Files.write(file, g.toGraphDef().toByteArray());
        }
        SieveException e = assertThrows(SieveException.class, () -> GraphDefReader.readFrozen(file, "stack"));
        assertTrue(e.getMessage().contains("node 'relu' (Relu) computes on the example taken out of its batch"),
                e.getMessage());
    }
}
