package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sieve.network.ConstantWeights;
import org.sieve.network.GraphBuilder;
import org.sieve.network.InputLayer;
import org.sieve.network.Network;
import org.sieve.network.format.onnx.OnnxReader;
import org.sieve.tf.ComputeDevice;
import org.sieve.tf.TensorFlowRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One small network per family of ONNX constructs, exported by PyTorch (scripts/formats/onnx_models.py):
 * each computes what PyTorch computed, saves and reads back as a Sieve folder, and has a finite,
 * non-zero gradient with respect to its input (what the analysis needs) from TensorFlow's registry.
 */
class OnnxOpFamiliesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "squeeze_excite, ",
        "dense_block, ",
        "tiny_vit13, encoder=encoder_3",
        "tiny_vit17, encoder=encoder_3",
        "conv_transpose, up2=up2",
        "pixel_shuffle, shuffle=shuffle"})
    void familyComputesWhatPyTorchComputedAndHasAnInputGradient(String fixture, String tap) throws IOException {
        Network net = OnnxReader.read(OnnxReaderTest.DIR.resolve(fixture + ".onnx"));
        Map<String, String> inner = tap == null ? Map.of() : Map.of(tap.split("=")[0], tap.split("=")[1]);
        double d = WriterReference.read(OnnxReaderTest.DIR.resolve(fixture + ".reference.json"))
                .check(net, inner, true, OnnxReaderTest.TOLERANCE);
        assertTrue(d <= OnnxReaderTest.TOLERANCE, fixture + ": relative difference " + d);
        ImportRoundTrip.assertSavesAndReadsBack(net, tmp.resolve(fixture));
        double[] gradient = inputGradient(net, 3);
        assertTrue(Double.isFinite(gradient[0]) && gradient[0] > 0, fixture + ": gradient norm " + gradient[0]);
        assertEquals(gradient[1], gradient[2], 1e-6 * Math.abs(gradient[1]) + 1e-12,
                fixture + ": examples of a batch must not mix");
    }

    /** Squared norm of d(sum of outputs)/d(input) on a batch of identical probes: total, first and last example. */
    private static double[] inputGradient(Network net, int batch) {
        InputLayer in = net.input();
        float[] probe = WriterReference.probeInput(in);
        float[] x = new float[probe.length * batch];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(probe, 0, x, b * probe.length, probe.length);
        }
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> input = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(batch, in.height(), in.width(), in.channels())));
            Operand<TFloat32> y = GraphBuilder.build(net, new ConstantWeights(tf, net), input).get(net.output().name());
            Output<?> grad = g.addGradients(tf.reduceSum(y, tf.constant(new int[] {0, 1})).asOutput(),
                    new Output<?>[] {input.asOutput()})[0];
            try (Session s = TensorFlowRuntime.get().openSession(g, ComputeDevice.CPU);
                 TFloat32 feed = TFloat32.tensorOf(Shape.of(batch, in.height(), in.width(), in.channels()),
                         DataBuffers.of(x, true, false));
                 Result r = s.runner().feed(input, feed).fetch(grad).run()) {
                TFloat32 t = (TFloat32) r.get(0);
                float[] v = new float[Math.toIntExact(t.size())];
                t.copyTo(DataBuffers.of(v, false, false));
                double[] norms = new double[3];
                for (int i = 0; i < v.length; i++) {
                    norms[0] += v[i] * v[i];
                    norms[1] += i < probe.length ? v[i] * v[i] : 0;
                    norms[2] += i >= v.length - probe.length ? v[i] * v[i] : 0;
                }
                return norms;
            }
        }
    }
}
