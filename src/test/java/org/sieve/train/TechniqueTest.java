package org.sieve.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.data.Dataset;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Network;
import org.sieve.network.WeightTensor;
import org.sieve.network.format.ModelStore;

/** Each technique changes training as it claims, at sizes a unit test affords. */
@Tag("slow")
class TechniqueTest {

    private static final Dataset MNIST = TestData.subset("mnist");

    @TempDir
    Path dir;

    @Test
    void pruningReachesTheFractionAndPrunedWeightsStayZeroWhileFineTuning() throws IOException {
        Path baselineDir = TestData.copyOfLeNet(dir.resolve("models").resolve("lenet5-mnist"));
        Path out = dir.resolve("models").resolve("lenet5-pruned");
        // 500 images in batches of 128: 4 steps an epoch, 16 in all; the sparsity reaches 0.9 at step 9.
        Training.run("lenet5", "mnist", 4, 3, out, List.of(3), TestData.tinyMnist(dir), new Technique.Pruning(0.9),
                ModelStore.load(baselineDir), TrainingListener.NONE);

        Model pruned = ModelStore.load(out);
        double sparsity = MagnitudePruning.sparsity(pruned.network());
        assertTrue(sparsity >= 0.9 && sparsity < 0.91, "sparsity " + sparsity);
        ModelMetadata m = pruned.metadata();
        assertEquals("pruning", m.training().getAsJsonObject("technique").get("name").getAsString());
        assertEquals(0.9, m.training().getAsJsonObject("technique").get("fraction").getAsDouble());
        assertEquals(sparsity, m.training().getAsJsonObject("technique").get("finalSparsity").getAsDouble());
        assertEquals("lenet5-mnist", m.training().get("baseline").getAsString());
        assertEquals("pruning vs lenet5-mnist", Technique.describe(m.training()));
        assertEquals("LeNet-5 (MNIST), pruned to 90 %", m.name());

        // Four fine-tuning steps after epoch 3 moved the kept weights but none of the pruned ones.
        Map<String, WeightTensor> before = ModelStore.load(out.resolveSibling("lenet5-pruned-epoch3")).network()
                .weights();
        Map<String, WeightTensor> after = pruned.network().weights();
        boolean moved = false;
        for (String key : List.of("conv1/kernel", "conv2/kernel", "fc1/kernel", "fc2/kernel", "logits/kernel")) {
            float[] b = before.get(key).values();
            float[] a = after.get(key).values();
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0f) {
                    assertTrue(a[i] == 0f, key + "[" + i + "] was pruned, now " + a[i]);
                }
                moved |= a[i] != b[i];
            }
        }
        assertTrue(moved, "fine-tuning changed the kept weights");
        assertNotEquals(0f, after.get("fc1/bias").values()[0], "biases are not pruned");
    }

    @Test
    void pruningNeedsABaselineToStartFrom() {
        SieveException e = assertThrows(SieveException.class, () -> Training.run("lenet5", "mnist", 1, 1,
                dir.resolve("m"), List.of(), dir, new Technique.Pruning(0.9), null, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("--baseline"), e.getMessage());
    }

    @Test
    void aDistilledStudentLearnsTheTeachersSoftTargetsNotTheLabels() throws IOException {
        Model teacher = ModelStore.load(TestData.copyOfLeNet(dir.resolve("teacher")));
        // Every training label is wrong (shifted by one): only the teacher's targets carry the truth.
        Dataset wrong = new Dataset("mnist", 28, 28, 1, MNIST.subset(0, 400).images(),
                shifted(MNIST.subset(0, 400).labels()), MNIST.classNames());
        Dataset test = MNIST.subset(400, 100);
        TrainingConfig config = new TrainingConfig(6, 32, 3e-3f, 5, 0, Set.of());
        Network student = Architectures.build("lenet5", 28, 28, 1, 10);
        PixelStatistics stats = PixelStatistics.of(wrong);
        double soft = Trainer.train(student, stats, wrong, test, config,
                new Technique.Distillation(teacher, 4f, 1f), TrainingListener.NONE, s -> { }).testAccuracy();
        double labels = Trainer.train(student, stats, wrong, test, config,
                new Technique.Distillation(teacher, 4f, 0f), TrainingListener.NONE, s -> { }).testAccuracy();
        assertTrue(soft > 0.7, "alpha 1, the teacher's targets alone: " + soft);
        assertTrue(labels < 0.1, "alpha 0, the wrong labels alone: " + labels);
    }

    @Test
    void pgdTrainingMakesTheNetworkMoreRobustUnderAttackThanPlainTraining() {
        // Both continue from the bundled LeNet-5 for the same steps on the same images, one on their attacks.
        Network lenet = ModelStore.load(Path.of("assets", "models", "lenet5-mnist")).network();
        Dataset train = MNIST.subset(0, 400);
        Dataset test = MNIST.subset(400, 100);
        PixelStatistics stats = PixelStatistics.of(train);
        TrainingConfig config = new TrainingConfig(4, 32, 1e-3f, 9, 0, Set.of());
        Technique.Adversarial attack = new Technique.Adversarial(0.15f, 5);
        TrainedNetwork plain = Trainer.train(lenet, stats, train, test, config, Technique.NONE, TrainingListener.NONE,
                s -> { });
        TrainedNetwork robust = Trainer.train(lenet, stats, train, test, config, attack, TrainingListener.NONE,
                s -> { });
        double plainUnderAttack = Trainer.pgdAccuracy(plain.network(), stats, test, attack, 1);
        double robustUnderAttack = Trainer.pgdAccuracy(robust.network(), stats, test, attack, 1);
        assertTrue(plainUnderAttack < 0.7 * plain.testAccuracy(), "the attack works: " + plainUnderAttack
                + " of clean " + plain.testAccuracy());
        assertTrue(robustUnderAttack > plainUnderAttack + 0.15, "robust " + robustUnderAttack + ", plain "
                + plainUnderAttack);
    }

    @Test
    void pgdStaysInTheEpsilonBallAndThePixelRange() {
        Dataset test = MNIST.subset(0, 16);
        PixelStatistics stats = PixelStatistics.of(MNIST);
        Network lenet = ModelStore.load(Path.of("assets", "models", "lenet5-mnist")).network();
        Batch clean = new BatchSource(test, stats, 0, 0).batch(new int[16], 0, 16);
        try (TrainingGraph graph = new TrainingGraph(lenet, 1, new Technique.Adversarial(0.1f, 4), stats)) {
            Batch attacked = graph.attacked(clean);
            float largest = 0;
            for (int i = 0; i < clean.pixels().length; i++) {
                float x = attacked.pixels()[i] * stats.std()[0] + stats.mean()[0];
                float x0 = clean.pixels()[i] * stats.std()[0] + stats.mean()[0];
                assertTrue(x >= -1e-5f && x <= 1 + 1e-5f, "pixel " + x);
                largest = Math.max(largest, Math.abs(x - x0));
            }
            assertTrue(largest <= 0.1f + 1e-5f && largest > 0.09f, "largest change " + largest);
        }
    }

    @Test
    void distillationLossIsTheTemperatureScaledDivergenceFromTheTeachersSoftTargets() {
        float[] student = {1f, 0f, -1f};
        float[] teacher = {3f, 1f, 0f};
        float t = 2f;
        double[] p = softmax(teacher, t);
        double[] q = softmax(student, t);
        double kl = 0;
        for (int i = 0; i < 3; i++) {
            kl += p[i] * Math.log(p[i] / q[i]);
        }
        double crossEntropy = -Math.log(softmax(student, 1f)[2]);
        assertEquals(0.25 * t * t * kl + 0.75 * crossEntropy, LossProbe.distillation(student, teacher, 2, t, 0.25f),
                1e-5);
        assertEquals(crossEntropy, LossProbe.distillation(student, teacher, 2, t, 0f), 1e-5);
        assertEquals(0, LossProbe.distillation(teacher, teacher, 2, t, 1f), 1e-6, "same logits, no divergence");
    }

    @Test
    void techniqueParametersAreChecked() {
        assertThrows(SieveException.class, () -> new Technique.Pruning(1.0));
        assertThrows(SieveException.class, () -> new Technique.Adversarial(0f, 7));
        assertThrows(SieveException.class, () -> new Technique.Adversarial(0.1f, 0));
        assertEquals("-", Technique.describe(new com.google.gson.JsonObject()));
    }

    private static int[] shifted(int[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = (labels[i] + 1) % 10;
        }
        return out;
    }

    private static double[] softmax(float[] logits, float t) {
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] / t);
            sum += e[i];
        }
        for (int i = 0; i < e.length; i++) {
            e[i] /= sum;
        }
        return e;
    }
}
