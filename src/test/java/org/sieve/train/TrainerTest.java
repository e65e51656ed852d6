package org.sieve.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.data.Dataset;
import org.sieve.network.ConstantWeights;
import org.sieve.network.GraphBuilder;
import org.sieve.network.Network;
import org.sieve.network.WeightTensor;
import org.sieve.tf.ComputeDevice;
import org.sieve.tf.TensorFlowRuntime;
import org.sieve.tf.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

@Tag("slow")
class TrainerTest {

    private static final Dataset MNIST = TestData.subset("mnist");

    @Test
    void shortRunLowersTheLoss() {
        List<Float> losses = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void batchDone(int epoch, int batch, int batches, float loss, double imagesPerSecond) {
                losses.add(loss);
                assertTrue(imagesPerSecond > 0);
            }
        };
        TrainedNetwork t = Trainer.train(Architectures.build("lenet5", 28, 28, 1, 10), MNIST.subset(0, 256),
                MNIST.subset(256, 100), new TrainingConfig(3, 32, 3e-3f, 7, 0, Set.of()), record, s -> { });
        assertEquals(24, losses.size());
        assertTrue(mean(losses.subList(20, 24)) < 0.7 * mean(losses.subList(0, 4)), losses.toString());
        assertTrue(t.testAccuracy() > 0.3, "accuracy " + t.testAccuracy());
        assertEquals(3, t.epochs());
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndAnotherSeedDoesNot() {
        // AlexNet has dropout, the VGG net batch norm and pixel shifts: all randomness must be seeded.
        for (String arch : List.of("alexnet", "vgg")) {
            Map<String, WeightTensor> a = shortRun(arch, 5);
            Map<String, WeightTensor> b = shortRun(arch, 5);
            Map<String, WeightTensor> c = shortRun(arch, 6);
            assertEquals(a.keySet(), b.keySet());
            for (String key : a.keySet()) {
                assertArrayEquals(a.get(key).values(), b.get(key).values(), arch + " " + key);
            }
            assertFalse(Arrays.equals(a.get("logits/kernel").values(), c.get("logits/kernel").values()));
        }
    }

    @Test
    void snapshotsArriveAfterTheChosenEpochs() {
        List<Integer> seen = new ArrayList<>();
        TrainedNetwork last = Trainer.train(Architectures.build("mlp", 28, 28, 1, 10), MNIST.subset(0, 64),
                MNIST.subset(64, 32), new TrainingConfig(3, 32, 1e-3f, 1, 0, Set.of(1, 2)), TrainingListener.NONE,
                s -> seen.add(s.epochs()));
        assertEquals(List.of(1, 2), seen);
        assertEquals(3, last.epochs());
    }

    @Test
    void exportedWeightsReproduceTheTrainedNetworkAsConstants() {
        Network arch = Architectures.build("resnet", 28, 28, 1, 10);
        PixelStatistics stats = PixelStatistics.of(MNIST);
        Batch batch = new BatchSource(MNIST, stats, 0, 0).batch(new int[] {0, 1, 2, 3}, 0, 4);
        try (TrainingGraph graph = new TrainingGraph(arch, 3)) {
            for (int t = 1; t <= 3; t++) {
                graph.step(new BatchSource(MNIST, stats, 1, t).batch(new BatchSource(MNIST, stats, 0, t)
                        .shuffledOrder(), 0, 32), t, 1e-2f);
            }
            float[] expected = graph.logits(batch);
            Network trained = graph.export();
            assertTrue(trained.weights().containsKey("block2.bn1/moving_mean"));
            assertArrayEquals(expected, constantLogits(trained, batch), 1e-4f);
        }
    }

    private static Map<String, WeightTensor> shortRun(String arch, long seed) {
        return Trainer.train(Architectures.build(arch, 28, 28, 1, 10), MNIST.subset(0, 48), MNIST.subset(48, 16),
                new TrainingConfig(1, 16, 1e-3f, seed, 2, Set.of()), TrainingListener.NONE, s -> { })
                .network().weights();
    }

    private static float[] constantLogits(Network net, Batch batch) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            try (TFloat32 x = batch.imageTensor()) {
                Operand<TFloat32> out = GraphBuilder.build(net, new ConstantWeights(tf, net), tf.constant(x))
                        .get("logits");
                try (Session s = TensorFlowRuntime.get().openSession(g, ComputeDevice.CPU);
                        Result r = s.runner().fetch(out).run()) {
                    return Tensors.floats(r.get(0));
                }
            }
        }
    }

    private static double mean(List<Float> values) {
        return values.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
    }
}
