package org.sieve.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.image.ModelInput;
import org.sieve.model.Model;
import org.sieve.model.ModelKind;
import org.sieve.network.NetworkShapes;

/** The bundled photo models: what scripts/fetch-photo-models.sh built loads as described. */
@Tag("zoo")
class PhotoModelsTest {

    static final List<String> PHOTO_MODELS = List.of("mobilenet-v2-imagenet", "emotion-fer2013", "centernet-coco");

    @Test
    void mobileNetV2IsTheBackboneWithoutItsHead() {
        Model model = BundledModelsTest.bundledCatalogue().resolve("mobilenet-v2-imagenet");
        assertEquals(ModelKind.FEATURE_EXTRACTOR, model.metadata().kind());
        assertFalse(model.metadata().kind().predicts());
        assertEquals(List.of(), model.metadata().labels());
        assertEquals(224, model.metadata().input().height());
        assertEquals(3, model.metadata().input().channels());
        assertEquals("out_relu", model.network().output().name());
        assertTrue(model.network().layers().stream().noneMatch(l -> l.kind().equals("Dense")),
                "the 5-class head is gone");
        Map<String, long[]> shapes = NetworkShapes.of(model.network());
        assertArrayEquals(new long[] {7, 7, 1280}, shapes.get("out_relu"));
        assertEquals(model.network().parameterCount(), model.metadata().parameters());
    }

    @Test
    void theEmotionModelTakesGrayFacesAndNamesSevenExpressions() {
        Model model = BundledModelsTest.bundledCatalogue().resolve("emotion-fer2013");
        assertEquals(ModelKind.CLASSIFIER, model.metadata().kind());
        assertEquals(List.of("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"),
                model.metadata().labels());
        assertEquals(new ModelInput(64, 64, 1), model.metadata().input());
        assertArrayEquals(new float[] {0.5f}, model.metadata().normalizationMean(), "(gray - 0.5) * 2");
        assertArrayEquals(new float[] {0.5f}, model.metadata().normalizationStd());
    }

    @Test
    void centerNetScoresClassesByItsHeatmap() {
        Model model = BundledModelsTest.bundledCatalogue().resolve("centernet-coco");
        assertEquals(ModelKind.detector("Sigmoid"), model.metadata().kind());
        assertArrayEquals(new long[] {128, 128, 80}, NetworkShapes.of(model.network()).get("Sigmoid"));
        List<String> labels = model.metadata().labels();
        assertEquals(80, labels.size());
        assertEquals(List.of("person", "cup", "toothbrush"), List.of(labels.get(0), labels.get(41), labels.get(79)));
        assertArrayEquals(new float[] {1 / 255f, 1 / 255f, 1 / 255f}, model.metadata().normalizationStd(),
                "pixels 0-255");
        assertArrayEquals(new int[] {16, 16}, model.metadata().sigmaGrid());
    }
}
