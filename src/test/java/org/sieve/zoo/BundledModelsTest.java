package org.sieve.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sieve.analysis.Classifier;
import org.sieve.data.Dataset;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelCatalogue;
import org.sieve.train.TestData;

/**
 * Every bundled model loads and reproduces its recorded test accuracy on the committed subset
 * of the first 500 test images. Tolerance: 3 percentage points, about two binomial standard
 * deviations at 91 % accuracy on 500 images.
 */
@Tag("zoo")
class BundledModelsTest {

    static final double TOLERANCE = 0.03;
    static final List<String> EXPECTED = List.of("lenet5-mnist", "mlp-mnist", "alexnet-fashion", "vgg-fashion",
            "resnet-fashion", "vgg-fashion-epoch1", "vgg-mnist", "lenet5-mnist-pruned",
            "lenet5-mnist-distilled", "lenet5-mnist-pgd");

    /** The models Sieve trained itself; the photo models come from elsewhere, without test data here. */
    static Stream<String> bundled() {
        return bundledCatalogue().list().stream().filter(m -> !PhotoModelsTest.PHOTO_MODELS.contains(m.id()))
                .map(ModelMetadata::id);
    }

    static ModelCatalogue bundledCatalogue() {
        return new ModelCatalogue(Path.of("assets", "models"), List.of());
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void reproducesRecordedAccuracy(String id) {
        Model model = bundledCatalogue().resolve(id);
        ModelMetadata meta = model.metadata();
        assertNotNull(meta.testAccuracy(), id + " records its test accuracy");
        Dataset test = TestData.subset(meta.dataset());
        assertEquals(meta.labels(), test.classNames(), "labels of " + id);
        int correct = 0;
        try (Classifier classifier = new Classifier(model)) {
            float[][] p = classifier.probabilities(test.images());
            for (int i = 0; i < p.length; i++) {
                if (Classifier.argMax(p[i]) == test.labels()[i]) {
                    correct++;
                }
            }
        }
        double accuracy = correct / (double) test.size();
        System.out.printf("%s: %.1f %% on the 500-image subset, %.2f %% recorded%n", id, 100 * accuracy,
                100 * meta.testAccuracy());
        assertEquals(meta.testAccuracy(), accuracy, TOLERANCE, id);
    }

    @org.junit.jupiter.api.Test
    void theCatalogueHoldsTheModelsTheREADMEPromises() {
        List<String> ids = bundled().toList();
        for (String id : EXPECTED) {
            assertTrue(ids.contains(id), "bundled model " + id + " missing; have " + ids);
        }
    }
}
