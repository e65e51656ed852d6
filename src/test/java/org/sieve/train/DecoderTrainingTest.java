package org.sieve.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.data.Dataset;
import org.sieve.model.Model;
import org.sieve.network.Network;
import org.sieve.model.DecoderSet;
import org.sieve.network.format.DecoderIndex;
import org.sieve.network.format.ModelStore;

/**
 * Decoder training on a few hundred committed MNIST test digits: it learns (held-out error falls
 * epoch by epoch and ends below a constant guess), the decoders survive a save and load bit for
 * bit, and missing decoders are refused with a message that says how to train them.
 */
@Tag("slow")
class DecoderTrainingTest {

    @TempDir
    static Path dir;

    @Test
    void learnsAndSurvivesSaveAndLoad() throws IOException {
        Model model = ModelStore.load(TestData.copyOfLeNet(dir.resolve("lenet-a")));
        Dataset all = TestData.subset("mnist");
        Dataset train = all.subset(0, 400);
        Dataset heldOut = all.subset(400, 100);
        List<String> layers = List.of("conv1", "fc1");
        List<Double> conv1ByEpoch = new ArrayList<>();
        var decoders = DecoderTraining.train(model, layers, train, heldOut,
                new DecoderTraining.Config(3, 32, 0.003f, 7, 3), new DecoderTraining.Listener() {
                    @Override
                    public void batchDone(int epoch, int batch, int batches, double meanLoss, double imagesPerSecond) {
                    }

                    @Override
                    public void epochDone(int epoch, int epochs, Map<String, Double> mse, double seconds) {
                        conv1ByEpoch.add(mse.get("conv1"));
                    }
                });
        double constantGuess = TestData.varianceAroundMean(heldOut);
        System.out.println("conv1 held-out MSE by epoch " + conv1ByEpoch + ", constant guess " + constantGuess);
        assertTrue(conv1ByEpoch.get(2) < conv1ByEpoch.get(0), "error falls with training: " + conv1ByEpoch);
        assertTrue(decoders.get("conv1").heldOutMse() < constantGuess, "conv1 beats a constant guess");
        assertEquals(conv1ByEpoch, decoders.get("conv1").heldOutMseByEpoch(), "the learning curve is kept");
        assertEquals(conv1ByEpoch.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                decoders.get("conv1").heldOutMse(), "the best epoch's decoder is kept");

        DecoderIndex.save(model.dir(), model.sha256(), decoders, DecoderTraining.describe("mnist", 400,
                new DecoderTraining.Config(3, 32, 0.003f, 7, 3), 1));
        DecoderSet loaded = DecoderIndex.load(model);
        for (String layer : layers) {
            Network a = decoders.get(layer).network();
            Network b = loaded.decoders().get(layer).network();
            for (var w : a.weights().entrySet()) {
                assertArrayEquals(w.getValue().values(), b.weights().get(w.getKey()).values(), layer + " " + w.getKey());
            }
        }
        assertEquals(conv1ByEpoch, loaded.decoders().get("conv1").heldOutMseByEpoch());
        double[] again = DecoderEvaluation.meanSquaredErrors(model, layers,
                layers.stream().map(l -> loaded.decoders().get(l).network()).toList(), heldOut);
        assertEquals(decoders.get("conv1").heldOutMse(), again[0], 1e-6, "the loaded decoder rebuilds alike");
        Path index = model.dir().resolve(DecoderIndex.FOLDER).resolve(DecoderIndex.INDEX);
        String text = Files.readString(index);
        Files.writeString(index, text.replace("\"folder\": \"conv1\"", "\"folder\": \"../../elsewhere\""));
        SieveException outside = assertThrows(SieveException.class, () -> DecoderIndex.load(model));
        assertTrue(outside.getMessage().contains("must be a plain folder name"), outside.getMessage());
        Files.writeString(index, text.replace(model.sha256(), "0".repeat(64)));
        SieveException stale = assertThrows(SieveException.class, () -> DecoderIndex.load(model));
        assertTrue(stale.getMessage().contains("were trained for other weights"), stale.getMessage());
        Files.writeString(index, text);

        SieveException missing = assertThrows(SieveException.class, () -> loaded.forLayers(List.of("conv1", "pool2")));
        assertTrue(missing.getMessage().contains("no decoder for layer(s) pool2"), missing.getMessage());
        assertTrue(missing.getMessage().contains("sieve train-decoders --model " + model.dir() + " --dataset mnist --layers pool2"),
                missing.getMessage());
    }

    @Test
    void aModelWithoutDecodersSaysHowToTrainThem() throws IOException {
        Model model = ModelStore.load(TestData.copyOfLeNet(dir.resolve("lenet-b")));
        assertTrue(DecoderIndex.trainedLayers(model).isEmpty());
        SieveException e = assertThrows(SieveException.class, () -> DecoderIndex.load(model));
        assertTrue(e.getMessage().contains("has no decoders") && e.getMessage().contains("train-decoders"),
                e.getMessage());
    }
}
