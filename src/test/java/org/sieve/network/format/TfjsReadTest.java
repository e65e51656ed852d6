package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.network.Activation;
import org.sieve.network.ActivationLayer;
import org.sieve.network.BatchNormalization;
import org.sieve.network.Conv2D;
import org.sieve.network.Dense;
import org.sieve.network.Dropout;
import org.sieve.network.GlobalPooling2D;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Merge;
import org.sieve.network.Network;
import org.sieve.network.Pooling2D;
import org.sieve.network.Rescaling;
import org.sieve.network.Reshape;
import org.sieve.network.WeightTensor;
import org.sieve.network.ZeroPadding2D;
import org.sieve.network.format.common.WeightDecoder;

/** Hand-written model.json files as Keras 2, Keras 3 and the tfjs converter write them. */
class TfjsReadTest {

    @TempDir
    Path tmp;

    /** tfjs_converter on a Keras 2 h5 Sequential model: topology wrapped in model_config, prefixed names. */
    @Test
    void readsKeras2Sequential() throws IOException {
        FormatFixtures.writeJson(tmp, """
                {"format": "layers-model", "generatedBy": "keras v2.4.0", "convertedBy": "TensorFlow.js Converter v3.18.0",
                 "modelTopology": {"keras_version": "2.4.0", "backend": "tensorflow",
                  "model_config": {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
                   {"class_name": "Conv2D", "config": {"name": "conv2d", "trainable": true, "batch_input_shape": [null, 6, 6, 1],
                    "dtype": "float32", "filters": 2, "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid",
                    "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1, "activation": "relu",
                    "use_bias": true, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": null}}}},
                   {"class_name": "MaxPooling2D", "config": {"name": "max_pooling2d", "pool_size": [2, 2], "padding": "valid",
                    "strides": [2, 2], "data_format": "channels_last"}},
                   {"class_name": "Flatten", "config": {"name": "flatten", "data_format": "channels_last"}},
                   {"class_name": "Dropout", "config": {"name": "dropout", "rate": 0.5, "noise_shape": null, "seed": null}},
                   {"class_name": "Dense", "config": {"name": "dense", "units": 3, "activation": "softmax", "use_bias": true}}]}},
                  "training_config": {"loss": "categorical_crossentropy"}},
                 "weightsManifest": [{"paths": ["group1-shard1of1.bin"], "weights": [
                   {"name": "conv2d/kernel", "shape": [3, 3, 1, 2], "dtype": "float32"},
                   {"name": "conv2d/bias:0", "shape": [2], "dtype": "float32"},
                   {"name": "sequential/dense/kernel:0", "shape": [8, 3], "dtype": "float32"},
                   {"name": "sequential/dense/bias", "shape": [3], "dtype": "float32"}]}]}
                """);
        float[] values = new float[47];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 7 - 3) * 0.125f;
        }
        FormatFixtures.writeFloats(tmp.resolve("group1-shard1of1.bin"), values);

        Network expected = new Network(List.of(new InputLayer("input", 6, 6, 1),
                new Conv2D("conv2d", List.of("input"), 2, new int[] {3, 3}, new int[] {1, 1}, "valid", new int[] {1, 1},
                        true, Activation.RELU),
                new Pooling2D("max_pooling2d", List.of("conv2d"), true, new int[] {2, 2}, new int[] {2, 2}, "valid"),
                Reshape.flatten("flatten", List.of("max_pooling2d")),
                new Dropout("dropout", List.of("flatten"), 0.5f),
                new Dense("dense", List.of("dropout"), 3, true, Activation.SOFTMAX)),
                Map.of("conv2d/kernel", slice(values, 0, 3, 3, 1, 2), "conv2d/bias", slice(values, 18, 2),
                        "dense/kernel", slice(values, 20, 8, 3), "dense/bias", slice(values, 44, 3)));
        Network read = TfjsLayersFormat.read(tmp);
        FormatFixtures.assertSameLayers(expected, read);
        FormatFixtures.assertSameWeights(expected, read);
        float[] input = FormatFixtures.randomInput(expected.input(), 1);
        assertArrayEquals(FormatFixtures.outputs(expected, input).get("dense"), FormatFixtures.outputs(read, input).get("dense"));
    }

    /** Keras 3: batch_shape, "__keras_tensor__" args (a list for Concatenate), flat endpoints. */
    @Test
    void readsKeras3Functional() throws IOException {
        FormatFixtures.writeJson(tmp, """
                {"format": "layers-model", "generatedBy": "keras v3.3.3", "convertedBy": "TensorFlow.js Converter v4.20.0",
                 "modelTopology": {"class_name": "Functional", "config": {"name": "k3", "trainable": true, "layers": [
                  {"module": "keras.layers", "class_name": "InputLayer", "registered_name": null, "name": "input_layer",
                   "config": {"batch_shape": [null, 5, 5, 2], "dtype": "float32", "sparse": false, "name": "input_layer"},
                   "inbound_nodes": []},
                  {"module": "keras.layers", "class_name": "Conv2D", "registered_name": null, "name": "c1",
                   "config": {"name": "c1", "trainable": true, "dtype": {"module": "keras", "class_name": "DTypePolicy",
                    "config": {"name": "float32"}, "registered_name": null}, "filters": 3, "kernel_size": [3, 3],
                    "strides": [1, 1], "padding": "same", "data_format": "channels_last", "dilation_rate": [1, 1],
                    "groups": 1, "activation": "linear", "use_bias": false},
                   "build_config": {"input_shape": [null, 5, 5, 2]},
                   "inbound_nodes": [{"args": [%s], "kwargs": {}}]},
                  {"class_name": "ReLU", "name": "r6", "config": {"name": "r6", "max_value": 6.0, "negative_slope": 0.0,
                   "threshold": 0.0}, "inbound_nodes": [{"args": [%s], "kwargs": {}}]},
                  {"class_name": "LeakyReLU", "name": "leaky", "config": {"name": "leaky", "negative_slope": 0.15},
                   "inbound_nodes": [{"args": [%s], "kwargs": {}}]},
                  {"class_name": "Concatenate", "name": "cat", "config": {"name": "cat", "axis": -1},
                   "inbound_nodes": [{"args": [[%s, %s]], "kwargs": {}}]},
                  {"class_name": "ZeroPadding2D", "name": "zp", "config": {"name": "zp", "padding": [[1, 0], [0, 2]],
                   "data_format": "channels_last"}, "inbound_nodes": [{"args": [%s], "kwargs": {}}]},
                  {"class_name": "BatchNormalization", "name": "bn", "config": {"name": "bn", "axis": -1, "momentum": 0.99,
                   "epsilon": 0.001, "center": true, "scale": false}, "inbound_nodes": [{"args": [%s], "kwargs": {"training": false}}]},
                  {"class_name": "GlobalMaxPooling2D", "name": "gmp", "config": {"name": "gmp", "data_format": "channels_last",
                   "keepdims": false}, "inbound_nodes": [{"args": [%s], "kwargs": {}}]},
                  {"class_name": "Dense", "name": "out", "config": {"name": "out", "units": 4, "activation": "linear",
                   "use_bias": true}, "inbound_nodes": [{"args": [%s], "kwargs": {}}]}],
                  "input_layers": ["input_layer", 0, 0], "output_layers": ["out", 0, 0]}},
                 "weightsManifest": [{"paths": ["group1-shard1of1.bin"], "weights": [
                  {"name": "c1/kernel", "shape": [3, 3, 2, 3], "dtype": "float32"},
                  {"name": "bn/beta", "shape": [6], "dtype": "float32"},
                  {"name": "bn/moving_mean", "shape": [6], "dtype": "float32"},
                  {"name": "bn/moving_variance", "shape": [6], "dtype": "float32"},
                  {"name": "out/kernel", "shape": [6, 4], "dtype": "float32"},
                  {"name": "out/bias", "shape": [4], "dtype": "float32"}]}]}
                """.formatted(tensor("input_layer"), tensor("c1"), tensor("c1"), tensor("r6"), tensor("leaky"),
                tensor("cat"), tensor("zp"), tensor("bn"), tensor("gmp")));
        float[] values = new float[54 + 18 + 24 + 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.25f + (i % 5) * 0.0625f;
        }
        FormatFixtures.writeFloats(tmp.resolve("group1-shard1of1.bin"), values);

        List<Layer> layers = List.of(new InputLayer("input_layer", 5, 5, 2),
                new Conv2D("c1", List.of("input_layer"), 3, new int[] {3, 3}, new int[] {1, 1}, "same", new int[] {1, 1},
                        false, Activation.LINEAR),
                new ActivationLayer("r6", List.of("c1"), Activation.RELU6, Activation.DEFAULT_LEAKY_ALPHA),
                new ActivationLayer("leaky", List.of("c1"), Activation.LEAKY_RELU, 0.15f),
                new Merge("cat", List.of("r6", "leaky"), Merge.Mode.CONCATENATE, -1),
                new ZeroPadding2D("zp", List.of("cat"), 1, 0, 0, 2),
                new BatchNormalization("bn", List.of("zp"), 0.001f, 0.99f, true, false),
                new GlobalPooling2D("gmp", List.of("bn"), true),
                new Dense("out", List.of("gmp"), 4, true, Activation.LINEAR));
        Network expected = new Network(layers, Map.of("c1/kernel", slice(values, 0, 3, 3, 2, 3),
                "bn/beta", slice(values, 54, 6), "bn/moving_mean", slice(values, 60, 6),
                "bn/moving_variance", slice(values, 66, 6), "out/kernel", slice(values, 72, 6, 4),
                "out/bias", slice(values, 96, 4)));
        Network read = TfjsLayersFormat.read(tmp);
        FormatFixtures.assertSameLayers(expected, read);
        FormatFixtures.assertSameWeights(expected, read);
        float[] input = FormatFixtures.randomInput(expected.input(), 2);
        assertArrayEquals(FormatFixtures.outputs(expected, input).get("out"), FormatFixtures.outputs(read, input).get("out"));
    }

    /** Keras 2 spellings: int and pair paddings, list axis, default pooling strides and LeakyReLU slope. */
    @Test
    void readsKeras2Variants() throws IOException {
        FormatFixtures.writeJson(tmp, KerasJson.functional(
                KerasJson.layer("InputLayer", "in", "\"batch_input_shape\": [null, 8, 8, 2]"),
                KerasJson.layer("ZeroPadding2D", "zp1", "\"padding\": 1", "in"),
                KerasJson.layer("ZeroPadding2D", "zp2", "\"padding\": [2, 3]", "zp1"),
                KerasJson.layer("AveragePooling2D", "avg", "\"pool_size\": [2, 2], \"strides\": null", "zp2"),
                KerasJson.layer("LeakyReLU", "leaky", "", "avg"),
                KerasJson.layer("ReLU", "relu", "\"max_value\": null, \"negative_slope\": 0.0", "leaky"),
                KerasJson.layer("ReLU", "leaky2", "\"negative_slope\": 0.05", "relu"),
                KerasJson.layer("SpatialDropout2D", "sd", "\"rate\": 0.1", "leaky2"),
                KerasJson.layer("Activation", "act", "\"activation\": \"relu\"", "sd"),
                KerasJson.layer("Multiply", "mul", "", "act", "sd"),
                KerasJson.layer("Softmax", "soft", "\"axis\": -1", "mul"),
                KerasJson.layer("GlobalAveragePooling2D", "gap", "\"data_format\": \"channels_last\"", "soft"),
                KerasJson.layer("Reshape", "resh", "\"target_shape\": [1, 2]", "gap"),
                KerasJson.layer("Add", "add", "", "resh", "resh"),
                KerasJson.layer("Rescaling", "resc", "\"scale\": 0.00392156862745098", "add")));
        List<Layer> expected = List.of(new InputLayer("in", 8, 8, 2),
                new ZeroPadding2D("zp1", List.of("in"), 1, 1, 1, 1),
                new ZeroPadding2D("zp2", List.of("zp1"), 2, 2, 3, 3),
                new Pooling2D("avg", List.of("zp2"), false, new int[] {2, 2}, new int[] {2, 2}, "valid"),
                new ActivationLayer("leaky", List.of("avg"), Activation.LEAKY_RELU, 0.3f),
                new ActivationLayer("relu", List.of("leaky"), Activation.RELU, Activation.DEFAULT_LEAKY_ALPHA),
                new ActivationLayer("leaky2", List.of("relu"), Activation.LEAKY_RELU, 0.05f),
                new Dropout("sd", List.of("leaky2"), 0.1f),
                new ActivationLayer("act", List.of("sd"), Activation.RELU, Activation.DEFAULT_LEAKY_ALPHA),
                new Merge("mul", List.of("act", "sd"), Merge.Mode.MULTIPLY, -1),
                new ActivationLayer("soft", List.of("mul"), Activation.SOFTMAX, Activation.DEFAULT_LEAKY_ALPHA),
                new GlobalPooling2D("gap", List.of("soft"), false),
                new Reshape("resh", List.of("gap"), new int[] {1, 2}),
                new Merge("add", List.of("resh", "resh"), Merge.Mode.ADD, -1),
                new Rescaling("resc", List.of("add"), 1f / 255, 0f));
        FormatFixtures.assertSameLayers(new Network(expected, Map.of()), TfjsLayersFormat.read(tmp));
    }

    /** tfjs quantisation: value = q * scale + min for uint8/uint16; float16 as half floats. */
    @Test
    void decodesQuantisedWeights() throws IOException {
        FormatFixtures.writeJson(tmp, """
                {"format": "layers-model", "modelTopology": {"class_name": "Sequential", "config": {"name": "q", "layers": [
                  {"class_name": "InputLayer", "config": {"name": "in", "batch_input_shape": [null, 1, 1, 4]}},
                  {"class_name": "Flatten", "config": {"name": "flat"}},
                  {"class_name": "Dense", "config": {"name": "d1", "units": 3}},
                  {"class_name": "Dense", "config": {"name": "d2", "units": 2, "use_bias": false}}]}},
                 "weightsManifest": [{"paths": ["w.bin"], "weights": [
                  {"name": "model/d1/kernel:0", "shape": [4, 3], "dtype": "float32",
                   "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1.0, "original_dtype": "float32"}},
                  {"name": "model/d1/bias:0", "shape": [3], "dtype": "float32", "quantization": {"dtype": "float16"}},
                  {"name": "model/d2/kernel:0", "shape": [3, 2], "dtype": "float32",
                   "quantization": {"dtype": "uint16", "scale": 0.001, "min": -0.5, "original_dtype": "float32"}}]}]}
                """);
        ByteBuffer b = ByteBuffer.allocate(12 + 6 + 12).order(ByteOrder.LITTLE_ENDIAN);
        for (int q = 0; q < 12; q++) {
            b.put((byte) (q == 11 ? 255 : q));
        }
        b.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x0001);
        for (int q : new int[] {0, 1, 500, 1000, 40000, 65535}) {
            b.putShort((short) q);
        }
        Files.write(tmp.resolve("w.bin"), b.array());

        Map<String, WeightTensor> w = TfjsLayersFormat.read(tmp).weights();
        float[] d1 = new float[12];
        for (int q = 0; q < 12; q++) {
            d1[q] = (q == 11 ? 255 : q) * 0.5f - 1f;
        }
        assertArrayEquals(d1, w.get("d1/kernel").values());
        assertArrayEquals(new float[] {1f, -2f, 0x1p-24f}, w.get("d1/bias").values());
        float[] d2 = new float[6];
        int[] qs = {0, 1, 500, 1000, 40000, 65535};
        for (int i = 0; i < 6; i++) {
            d2[i] = (float) (qs[i] * 0.001 - 0.5);
        }
        assertArrayEquals(d2, w.get("d2/kernel").values());
        assertArrayEquals(new long[] {3, 2}, w.get("d2/kernel").shape());
    }

    @Test
    void halfFloatsDecodeExactly() {
        assertEquals(65504f, WeightDecoder.halfToFloat((short) 0x7BFF));
        assertEquals(0.333251953125f, WeightDecoder.halfToFloat((short) 0x3555));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(WeightDecoder.halfToFloat((short) 0x8000)));
        assertEquals(Float.NEGATIVE_INFINITY, WeightDecoder.halfToFloat((short) 0xFC00));
        assertTrue(Float.isNaN(WeightDecoder.halfToFloat((short) 0x7E00)));
    }

    private static String tensor(String layer) {
        return "{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 5, 5, 3], \"dtype\": \"float32\","
                + " \"keras_history\": [\"" + layer + "\", 0, 0]}}";
    }

    private static WeightTensor slice(float[] values, int from, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        return new WeightTensor(shape, Arrays.copyOfRange(values, from, from + n));
    }
}
