package org.sieve.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sieve.SieveException;
import org.sieve.network.Activation;
import org.sieve.network.Dense;
import org.sieve.network.GraphBuilder;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.tf.ComputeDevice;
import org.sieve.tf.TensorFlowRuntime;
import org.sieve.tf.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

@Tag("slow")
class ArchitecturesTest {

    static List<String> architectures() {
        return Architectures.NAMES;
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void everyArchitectureMapsImagesToTenLinearLogits(String arch) {
        Network net = Architectures.build(arch, 28, 28, 1, 10);
        Layer logits = net.output();
        assertEquals("logits", logits.name());
        assertEquals(Activation.LINEAR, assertInstanceOf(Dense.class, logits).activation());

        float[] images = new float[3 * 28 * 28];
        for (int i = 0; i < images.length; i++) {
            images[i] = (i % 29) / 29f;
        }
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> out = GraphBuilder.build(net, new VariableWeights(tf, 1, false),
                    tf.constant(Shape.of(3, 28, 28, 1), DataBuffers.of(images, true, false))).get("logits");
            try (Session s = TensorFlowRuntime.get().openSession(g, ComputeDevice.CPU)) {
                s.initialize();
                try (Result r = s.runner().fetch(out).run()) {
                    assertArrayEquals(new long[] {3, 10}, r.get(0).shape().asArray());
                    for (float v : Tensors.floats(r.get(0))) {
                        assertTrue(Float.isFinite(v));
                    }
                }
            }
        }
    }

    @Test
    void layerNamesReadLikeTheFamilies() {
        assertEquals(List.of("input", "conv1", "pool1", "conv2", "pool2", "flatten", "fc1", "fc2", "logits"),
                names("lenet5"));
        assertTrue(names("vgg").containsAll(List.of("block1.conv1", "block1.conv2", "block1.pool", "block3.pool",
                "fc1")));
        List<String> resnet = names("resnet");
        assertTrue(resnet.containsAll(List.of("stem.conv", "block1.add", "block3.shortcut.conv", "block5.shortcut.conv",
                "block6.add", "avgpool")), resnet.toString());
        assertFalse(resnet.contains("block2.shortcut.conv"), "same-width blocks keep the identity shortcut");
        assertTrue(names("alexnet").containsAll(List.of("conv1", "conv5", "pool5", "fc1", "dropout2")));
        assertEquals(List.of("input", "flatten", "fc1", "fc2", "logits"), names("mlp"));
    }

    @Test
    void unknownArchitectureIsNamedWithTheValidOnes() {
        SieveException e = assertThrows(SieveException.class, () -> Architectures.build("lenet7", 28, 28, 1, 10));
        assertTrue(e.getMessage().contains("'lenet7'"), e.getMessage());
        assertTrue(e.getMessage().contains("lenet5, alexnet, vgg, resnet, mlp"), e.getMessage());
    }

    private static List<String> names(String arch) {
        return Architectures.build(arch, 28, 28, 1, 10).layers().stream().map(Layer::name).toList();
    }
}
