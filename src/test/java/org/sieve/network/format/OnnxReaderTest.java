package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.network.format.onnx.OnnxReader;

/**
 * ONNX files written by PyTorch's own exporter (scripts/formats/onnx_models.py) read into Sieve
 * networks that compute what PyTorch computed, within 1e-4 of the largest value.
 */
class OnnxReaderTest {

    static final Path DIR = Path.of("src/test/resources/formats/onnx");
    static final double TOLERANCE = 1e-4;

    @TempDir
    Path tmp;

    @Test
    void smallCnnListsOneLayerPerModuleNamedAfterIt() {
        Network net = OnnxReader.read(DIR.resolve("small.onnx"));
        List<String> layers = net.layers().stream().map(l -> l.kind() + " " + l.name()).toList();
        assertEquals(List.of("InputLayer image", "TensorFlowOps conv1", "TensorFlowOps Relu", "TensorFlowOps pool1", "TensorFlowOps dw",
                "TensorFlowOps Relu_1", "TensorFlowOps Clip", "TensorFlowOps dilated", "TensorFlowOps HardSigmoid", "TensorFlowOps Mul",
                "TensorFlowOps Add", "TensorFlowOps Sigmoid", "TensorFlowOps Concat", "TensorFlowOps conv2", "TensorFlowOps LeakyRelu",
                "TensorFlowOps pool2", "TensorFlowOps prelu", "TensorFlowOps Flatten", "TensorFlowOps fc1", "TensorFlowOps Tanh", "TensorFlowOps fc2",
                "TensorFlowOps Softmax"), layers);
        assertEquals(32, net.input().height());
        assertEquals(3, net.input().channels());
    }

    @Test
    void smallCnnComputesWhatPyTorchComputed() throws IOException {
        Network net = OnnxReader.read(DIR.resolve("small.onnx"));
        WriterReference.read(DIR.resolve("small.reference.json")).check(net,
                Map.of("pool1", "pool1", "conv2", "conv2", "pool2", "pool2", "prelu", "prelu"), true, TOLERANCE);
    }

    @Test
    void outputChoosesAnInnerTensorAndAnUnknownOneIsRefused() {
        Network net = OnnxReader.read(DIR.resolve("small.onnx"), "/pool1/MaxPool_output_0");
        assertEquals(List.of("image", "conv1", "Relu", "pool1"), net.layers().stream().map(Layer::name).toList());
        org.sieve.SieveException e = org.junit.jupiter.api.Assertions.assertThrows(org.sieve.SieveException.class,
                () -> OnnxReader.read(DIR.resolve("small.onnx"), "nowhere"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no node computes the output 'nowhere'"),
                e.getMessage());
    }

    @Test
    void importedModelSavesAsSieveFolderAndReadsBackIdentically() {
        Network net = OnnxReader.read(DIR.resolve("small.onnx"));
        ImportRoundTrip.assertSavesAndReadsBack(net, tmp.resolve("small"));
    }

    /**
     * torchvision's resnet18 and mobilenet_v2 (random weights, 45 and 14 MB) are generated into
     * target/onnx by {@code /usr/bin/python3 scripts/formats/onnx_models.py target/onnx resnet18 mobilenet_v2};
     * without them (CI has no PyTorch) this check is skipped.
     */
    @ParameterizedTest
    @CsvSource({
        "resnet18, maxpool=maxpool;layer1=layer1.1.relu_1;layer3=layer3.1.relu_1",
        "mobilenet_v2, features.1=features.1.conv.1;features.7=features.7.conv.2;features.18=features.18.2"})
    void torchvisionModelsComputeWhatPyTorchComputed(String model, String taps) throws IOException {
        Path file = Path.of("target/onnx", model + ".onnx");
        assumeTrue(Files.exists(file), "generate " + file + " with scripts/formats/onnx_models.py");
        OnnxReader.read(DIR.resolve("small.onnx"));
        long start = System.nanoTime();
        Network net = OnnxReader.read(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> inner = new java.util.LinkedHashMap<>();
        for (String pair : taps.split(";")) {
            inner.put(pair.split("=")[0], pair.split("=")[1]);
        }
        double d = WriterReference.read(Path.of("target/onnx", model + ".reference.json")).check(net, inner, true, TOLERANCE);
        System.out.printf("%s: read in %.2f s, %d layers (%d convolutions), final output max relative difference %.2e%n",
                model, seconds, net.layers().size(),
                net.layers().stream().map(Layer::kind).filter(Layer.CONVOLUTION_KINDS::contains).count(), d);
    }
}
