package org.sieve.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelStore;

@Tag("slow")
class TrainingTest {

    @TempDir
    Path dir;

    @Test
    void savesTheModelAndItsSnapshotWithCompleteMetadata() throws IOException {
        Path data = TestData.tinyMnist(dir);
        Path out = dir.resolve("models").resolve("mlp-tiny");
        TrainedNetwork t = Training.run("mlp", "mnist", 2, 11, out, List.of(1), data, TrainingListener.NONE);

        Model model = ModelStore.load(out);
        ModelMetadata m = model.metadata();
        assertEquals("mlp-tiny", m.id());
        assertEquals("MLP (MNIST)", m.name());
        assertEquals("classification", m.task());
        assertEquals("mnist", m.dataset());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), m.labels());
        assertEquals(28, m.input().height());
        assertEquals(t.normalization().mean()[0], m.normalizationMean()[0]);
        assertEquals(t.normalization().std()[0], m.normalizationStd()[0]);
        assertEquals(28, m.sigmaGrid()[0]);
        assertEquals(t.testAccuracy(), m.testAccuracy());
        assertEquals(model.network().parameterCount(), m.parameters());
        assertEquals(11, m.training().get("seed").getAsLong());
        assertEquals("Adam (beta1 0.9, beta2 0.999, epsilon 1e-07)", m.training().get("optimiser").getAsString());
        assertTrue(m.licence().startsWith("CC BY-SA 3.0"));

        ModelMetadata snapshot = ModelStore.load(out.resolveSibling("mlp-tiny-epoch1")).metadata();
        assertEquals("mlp-tiny-epoch1", snapshot.id());
        assertEquals("MLP (MNIST), after epoch 1 of 2", snapshot.name());
        assertEquals(1, snapshot.training().get("epochsTrained").getAsInt());
    }

    @Test
    void unknownArchitectureOrDatasetIsNamed() {
        Path out = dir.resolve("m");
        SieveException arch = assertThrows(SieveException.class,
                () -> Training.run("vgg19", "mnist", 1, 1, out, List.of(), dir, TrainingListener.NONE));
        assertTrue(arch.getMessage().contains("'vgg19'"), arch.getMessage());
        SieveException data = assertThrows(SieveException.class,
                () -> Training.run("vgg", "cifar10", 1, 1, out, List.of(), dir, TrainingListener.NONE));
        assertTrue(data.getMessage().contains("'cifar10'"), data.getMessage());
        assertTrue(data.getMessage().contains("fashion"), data.getMessage());
    }

    @Test
    void snapshotEpochMustLieWithinTheRun() {
        SieveException e = assertThrows(SieveException.class, () -> Training.run("mlp", "mnist", 2, 1,
                dir.resolve("m"), List.of(3), dir, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }
}
