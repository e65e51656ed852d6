package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.network.Network;
import org.sieve.network.format.graph.GraphDefReader;

/**
 * TensorFlow.js graph models as published on npm read into Sieve networks that compute what
 * TensorFlow.js computed (scripts/formats/tfjs_graph_reference.js), within 1e-4 of the largest value.
 */
class GraphModelReaderTest {

    /** @vladmandic/human 3.3.6 models/emotion.json + .bin (MIT, LICENSE beside it): mini-Xception on FER-2013. */
    static final Path EMOTION = Path.of("src/test/resources/formats/tfjs-graph/emotion/emotion.json");

    @TempDir
    Path tmp;

    @Test
    void emotionListsItsFusedBlocksUnderTheirNodeNames() {
        Network net = GraphDefReader.readTfjs(EMOTION);
        assertEquals(List.of("InputLayer input_1", "Conv2D block1_conv1_act.Relu", "Conv2D block1_conv2_act.Relu",
                "DepthwiseConv2D separable_conv2d_1.separable_conv2d.depthwise", "Conv2D block2_sepconv2_act.Relu",
                "DepthwiseConv2D separable_conv2d_2.separable_conv2d.depthwise", "Conv2D block2_sepconv2_bn.FusedBatchNormV3",
                "MaxPooling2D max_pooling2d_1.MaxPool", "Conv2D batch_normalization_1.FusedBatchNormV3", "Add add_1.add",
                "Activation block3_sepconv1_act.Relu", "DepthwiseConv2D separable_conv2d_3.separable_conv2d.depthwise",
                "Conv2D block3_sepconv2_act.Relu", "DepthwiseConv2D separable_conv2d_4.separable_conv2d.depthwise",
                "Conv2D block3_sepconv2_bn.FusedBatchNormV3", "MaxPooling2D max_pooling2d_2.MaxPool",
                "Conv2D batch_normalization_2.FusedBatchNormV3", "Add add_2.add", "Conv2D conv2d_5.BiasAdd",
                "GlobalAveragePooling2D global_average_pooling2d_1.Mean", "Activation predictions.Softmax"),
                net.layers().stream().map(l -> l.kind() + " " + l.name()).toList());
        assertEquals(64, net.input().height());
        assertEquals(1, net.input().channels());
    }

    @Test
    void emotionComputesWhatTensorFlowJsComputed() throws IOException {
        GraphDefReader.readTfjs(EMOTION);
        long start = System.nanoTime();
        Network net = GraphDefReader.readTfjs(EMOTION);
        double seconds = (System.nanoTime() - start) / 1e9;
        String scope = "StatefulPartitionedCall/model_1/";
        Map<String, String> inner = new LinkedHashMap<>();
        inner.put(scope + "block1_conv1_act/Relu", "block1_conv1_act.Relu");
        inner.put(scope + "separable_conv2d_2/separable_conv2d/depthwise", "separable_conv2d_2.separable_conv2d.depthwise");
        inner.put(scope + "add_1/add", "add_1.add");
        inner.put(scope + "max_pooling2d_2/MaxPool", "max_pooling2d_2.MaxPool");
        inner.put(scope + "global_average_pooling2d_1/Mean", "global_average_pooling2d_1.Mean");
        double d = WriterReference.read(EMOTION.resolveSibling("emotion.reference.json")).check(net, inner, false,
                OnnxReaderTest.TOLERANCE);
        System.out.printf("emotion: read in %.3f s, final output max relative difference %.2e%n", seconds, d);
    }

    /**
     * centernet from @vladmandic/human 3.3.6 (float16, 4.2 MB: MobileNetV3 with hard swish and
     * squeeze-and-excite, CenterNet head), kept out of the repository: copy models/centernet.json
     * and .bin to target/tfjs-graph and run scripts/formats/tfjs_graph_reference.js (see README);
     * without them (CI) this check is skipped.
     */
    @Test
    void centernetComputesWhatTensorFlowJsComputed() throws IOException {
        Path file = Path.of("target/tfjs-graph/centernet.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(file.resolveSibling("centernet.reference.json")),
                "copy centernet into target/tfjs-graph and compute its reference");
        GraphDefReader.readTfjs(EMOTION);
        long start = System.nanoTime();
        Network net = GraphDefReader.readTfjs(file, "tower_0/keypoints");
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> inner = new LinkedHashMap<>();
        inner.put("tower_0/MobilenetV3/Conv/hard_swish/mul_1", "MobilenetV3.Conv.hard_swish.mul_1");
        inner.put("tower_0/MobilenetV3/expanded_conv_3/squeeze_excite/mul", "MobilenetV3.expanded_conv_3.squeeze_excite.mul");
        inner.put("tower_0/CenternetHead/Relu_2", "CenternetHead.Relu_2");
        inner.put("tower_0/CenternetHead/mul", "CenternetHead.mul");
        double d = WriterReference.read(file.resolveSibling("centernet.reference.json")).check(net, inner, false,
                OnnxReaderTest.TOLERANCE);
        System.out.printf("centernet: read in %.2f s, %d layers, final output max relative difference %.2e%n",
                seconds, net.layers().size(), d);
        ImportRoundTrip.assertSavesAndReadsBack(net, tmp.resolve("centernet"));
    }

    @Test
    void emotionSavesAsSieveFolderAndReadsBackIdentically() {
        Network net = GraphDefReader.readTfjs(EMOTION);
        ImportRoundTrip.assertSavesAndReadsBack(net, tmp.resolve("emotion"));
    }
}
