package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.sieve.network.Activation;
import org.sieve.network.ActivationLayer;
import org.sieve.network.BatchNormalization;
import org.sieve.network.BuildContext;
import org.sieve.network.ConstantWeights;
import org.sieve.network.Conv2D;
import org.sieve.network.Dense;
import org.sieve.network.DepthwiseConv2D;
import org.sieve.network.Dropout;
import org.sieve.network.GlobalPooling2D;
import org.sieve.network.GraphBuilder;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Merge;
import org.sieve.network.Network;
import org.sieve.network.Normalization;
import org.sieve.network.Pooling2D;
import org.sieve.network.Rescaling;
import org.sieve.network.Reshape;
import org.sieve.network.WeightInit;
import org.sieve.network.WeightTensor;
import org.sieve.network.ZeroPadding2D;
import org.sieve.tf.ComputeDevice;
import org.sieve.tf.TensorFlowRuntime;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Networks, files and comparisons shared by the format tests. */
final class FormatFixtures {

    private static final float DEFAULT_ALPHA = Activation.DEFAULT_LEAKY_ALPHA;

    private FormatFixtures() {
    }

    /**
     * Every layer type and activation, with a residual Add, a Multiply and two Concatenates:
     * 12x12x3 in, 10 softmax probabilities out.
     */
    static Network everyLayerType(long seed) {
        List<Layer> layers = List.of(
                new InputLayer("input", 12, 12, 3),
                new Rescaling("resc", List.of("input"), 0.5f, -0.25f),
                new Normalization("norm", List.of("resc")),
                new ZeroPadding2D("pad", List.of("norm"), 1, 1, 2, 0),
                new Conv2D("conv1", List.of("pad"), 8, new int[] {3, 3}, new int[] {1, 1}, "valid",
                        new int[] {1, 1}, true, Activation.RELU),
                new BatchNormalization("bn1", List.of("conv1"), 1e-3f, 0.99f, true, true),
                new ActivationLayer("act1", List.of("bn1"), Activation.RELU6, DEFAULT_ALPHA),
                new Conv2D("conv2", List.of("act1"), 8, new int[] {3, 3}, new int[] {1, 1}, "same",
                        new int[] {2, 2}, false, Activation.LINEAR),
                new BatchNormalization("bn2", List.of("conv2"), 1e-5f, 0.9f, false, false),
                new Merge("add", List.of("act1", "bn2"), Merge.Mode.ADD, -1),
                new ActivationLayer("act2", List.of("add"), Activation.LEAKY_RELU, 0.1f),
                new DepthwiseConv2D("dw", List.of("act2"), new int[] {3, 3}, new int[] {2, 2}, "same", 2, true,
                        Activation.TANH),
                new Pooling2D("pmax", List.of("dw"), true, new int[] {2, 2}, new int[] {1, 1}, "same"),
                new Pooling2D("pavg", List.of("dw"), false, new int[] {3, 3}, new int[] {1, 1}, "same"),
                new Merge("cat", List.of("pmax", "pavg"), Merge.Mode.CONCATENATE, -1),
                new Conv2D("conv3", List.of("cat"), 32, new int[] {1, 1}, new int[] {1, 1}, "valid",
                        new int[] {1, 1}, true, Activation.SIGMOID),
                new Merge("mul", List.of("cat", "conv3"), Merge.Mode.MULTIPLY, -1),
                new Dropout("drop", List.of("mul"), 0.25f),
                new GlobalPooling2D("gap", List.of("drop"), false),
                new GlobalPooling2D("gmp", List.of("drop"), true),
                new Merge("cat2", List.of("gap", "gmp"), Merge.Mode.CONCATENATE, 1),
                new Reshape("resh", List.of("cat2"), new int[] {8, 8}),
                Reshape.flatten("flat", List.of("resh")),
                new Dense("dense1", List.of("flat"), 16, true, Activation.SWISH),
                new Dense("logits", List.of("dense1"), 10, false, Activation.LINEAR),
                new ActivationLayer("prob", List.of("logits"), Activation.SOFTMAX, DEFAULT_ALPHA));
        return withRandomWeights(layers, seed);
    }

    /** Gives every weight the layers ask for random values; variances stay positive. */
    static Network withRandomWeights(List<Layer> layers, long seed) {
        Network shapeless = new Network(layers, Map.of());
        Map<String, WeightTensor> weights = new LinkedHashMap<>();
        Random random = new Random(seed);
        TensorFlowRuntime.get();
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            InputLayer in = shapeless.input();
            Operand<TFloat32> x = tf.zeros(tf.constant(new long[] {1, in.height(), in.width(), in.channels()}),
                    TFloat32.class);
            GraphBuilder.build(shapeless, new BuildContext() {
                @Override
                public Ops tf() {
                    return tf;
                }

                @Override
                public Operand<TFloat32> weight(String layer, String name, long[] shape, WeightInit init) {
                    int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) {
                        float u = random.nextFloat();
                        v[i] = init == WeightInit.ONES ? 0.5f + u : init == WeightInit.ZEROS ? 0.2f * u - 0.1f : u - 0.5f;
                    }
                    weights.put(layer + "/" + name, new WeightTensor(shape, v));
                    return tf.constant(Shape.of(shape), DataBuffers.of(v, true, false));
                }
            }, x);
        }
        return new Network(layers, weights);
    }

    /** Every layer's output on {@code input}, built as analysis does and run on the CPU. */
    static Map<String, float[]> outputs(Network network, float[] input) {
        InputLayer in = network.input();
        Map<String, float[]> out = new LinkedHashMap<>();
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> x = tf.constant(Shape.of(1, in.height(), in.width(), in.channels()),
                    DataBuffers.of(input, true, false));
            Map<String, Operand<TFloat32>> taps = GraphBuilder.build(network, new ConstantWeights(tf, network), x);
            try (Session s = TensorFlowRuntime.get().openSession(g, ComputeDevice.CPU)) {
                Session.Runner runner = s.runner();
                List<String> names = new ArrayList<>(taps.keySet());
                // Pass-through layers (dropout, linear) share their input's tensor; identity keeps fetches distinct.
                names.forEach(n -> runner.fetch(tf.identity(taps.get(n))));
                try (Result r = runner.run()) {
                    for (int i = 0; i < names.size(); i++) {
                        TFloat32 t = (TFloat32) r.get(i);
                        float[] v = new float[Math.toIntExact(t.size())];
                        t.copyTo(DataBuffers.of(v, false, false));
                        out.put(names.get(i), v);
                    }
                }
            }
        }
        return out;
    }

    static float[] randomInput(InputLayer in, long seed) {
        Random random = new Random(seed);
        float[] v = new float[in.height() * in.width() * in.channels()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextFloat();
        }
        return v;
    }

    /** Same layers in the same order, every record component equal (arrays by content). */
    static void assertSameLayers(Network expected, Network actual) {
        assertEquals(expected.layers().size(), actual.layers().size(), "layer count");
        for (int i = 0; i < expected.layers().size(); i++) {
            Layer e = expected.layers().get(i);
            Layer a = actual.layers().get(i);
            assertEquals(e.getClass(), a.getClass(), "type of layer " + e.name());
            for (RecordComponent c : e.getClass().getRecordComponents()) {
                Object ev = component(c, e);
                Object av = component(c, a);
                assertTrue(Objects.deepEquals(ev, av),
                        "layer " + e.name() + " " + c.getName() + ": expected " + show(ev) + " got " + show(av));
            }
        }
    }

    /** Same weight names, shapes and raw float bits. */
    static void assertSameWeights(Network expected, Network actual) {
        assertEquals(expected.weights().keySet(), actual.weights().keySet());
        for (var e : expected.weights().entrySet()) {
            WeightTensor a = actual.weights().get(e.getKey());
            assertArrayEquals(e.getValue().shape(), a.shape(), e.getKey());
            assertArrayEquals(rawBits(e.getValue().values()), rawBits(a.values()), e.getKey());
        }
    }

    static int[] rawBits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    static void writeJson(Path dir, String json) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("model.json"), json, StandardCharsets.UTF_8);
    }

    static void writeFloats(Path file, float... values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        Files.write(file, b.array());
    }

    private static Object component(RecordComponent c, Layer layer) {
        try {
            return c.getAccessor().invoke(layer);
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }

    private static String show(Object v) {
        return v instanceof int[] a ? Arrays.toString(a) : String.valueOf(v);
    }
}
