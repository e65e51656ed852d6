package org.sieve.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sieve.network.NetworkShapes;
import org.sieve.network.format.Model;
import org.sieve.network.format.ModelKind;

/** The bundled photo models: what scripts/fetch-photo-models.sh built loads as described. */
class PhotoModelsTest {

    static final List<String> PHOTO_MODELS = List.of("mobilenet-v2-imagenet");

    @Test
    void mobileNetV2IsTheBackboneWithoutItsHead() {
        Model model = BundledModelsTest.bundledCatalogue().resolve("mobilenet-v2-imagenet");
        assertEquals(ModelKind.FEATURE_EXTRACTOR, model.metadata().kind());
        assertFalse(model.metadata().kind().predicts());
        assertEquals(List.of(), model.metadata().labels());
        assertEquals(224, model.metadata().inputHeight());
        assertEquals(3, model.metadata().inputChannels());
        assertEquals("out_relu", model.network().output().name());
        assertTrue(model.network().layers().stream().noneMatch(l -> l.kind().equals("Dense")),
                "the 5-class head is gone");
        Map<String, long[]> shapes = NetworkShapes.of(model.network());
        assertArrayEquals(new long[] {7, 7, 1280}, shapes.get("out_relu"));
        assertEquals(model.network().parameterCount(), model.metadata().parameters());
    }
}
