package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.analysis.TinyDetector;
import org.sieve.model.ModelKind;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.Prediction;

/** The prediction panel for each model kind: a classifier's probabilities, a detector's scores, a feature extractor's note. */
@Tag("gui")
class ExplorerKindsTest extends ExplorerHarness {

    private String note() {
        return fx(() -> lookup("#predictions-note-" + app().panelA().id()).queryAs(Label.class).isVisible()
                ? lookup("#predictions-note-" + app().panelA().id()).queryAs(Label.class).getText() : "");
    }

    @Test
    void aPhotoOnADigitModelIsNotSilent() {
        awaitReady();
        PanelState a = app().panelA();
        fxRun(() -> a.maskSpec().set(org.sieve.ui.model.MaskSpec.AUTO));
        fxRun(() -> explorer.actions().openImage(Path.of("sample-images", "astronaut.png")));
        await("the photo on LeNet-5, with its note", 60, () -> a.prepared().get() != null
                && a.prepared().get().source().endsWith("astronaut.png") && !a.fitNote().get().isEmpty());
        Label note = fx(() -> lookup("#fit-note-" + a.id()).queryAs(Label.class));
        assertTrue(fx(note::isVisible));
        assertTrue(fx(note::getText).contains("astronaut.png looks like a colour photo"), fx(note::getText));
        assertTrue(fx(note::getText).contains("The automatic foreground"), fx(note::getText));
        assertEquals(null, fx(() -> a.mask().get()), "no digit foreground on a photo");
        screenshot("32-photo-on-lenet");

        fxRun(() -> explorer.actions().openImage(Path.of("sample-images", "mnist", "0-7.png")));
        await("a digit, without a note", 60, () -> a.prepared().get() != null
                && a.prepared().get().source().endsWith("0-7.png") && a.fitNote().get().isEmpty()
                && a.mask().get() != null);
        assertTrue(fx(() -> !note.isVisible()));
    }

    @Test
    void eachKindShowsWhatItPredicts() {
        awaitReady();
        PanelState a = app().panelA();
        double sum = fx(() -> a.predictions().stream().mapToDouble(Prediction::probability).sum());
        assertTrue(sum > 0.9 && sum <= 1.0001, "a classifier's top five are probabilities, got sum " + sum);
        assertEquals("", note());
        assertEquals("Digits", fx(() -> lookup("#gallery-group").queryAs(ChoiceBox.class).getValue()));

        fxRun(() -> explorer.actions().openModel(Path.of("assets", "models", "mobilenet-v2-imagenet")));
        await("MobileNetV2 with its note", 90, () -> a.model().get().id().equals("mobilenet-v2-imagenet")
                && a.prepared().get() != null && a.prepared().get().pixels().length == 224 * 224 * 3
                && note().contains("is a feature extractor: it predicts no classes"));
        assertTrue(fx(() -> a.predictions().isEmpty()));
        assertEquals("Photos", fx(() -> lookup("#gallery-group").queryAs(ChoiceBox.class).getValue()),
                "a photo model is offered photos first");
        screenshot("30-feature-extractor");

        Path detector = TinyDetector.save(temp, ModelKind.detector("heat"), 28, 1).dir();
        fxRun(() -> explorer.actions().openModel(detector));
        await("the detector's class scores", 90, () -> a.model().get().id().equals("tiny-detector")
                && a.prepared().get() != null && a.prepared().get().pixels().length == 28 * 28
                && a.predictions().size() == 3);
        float[] expected = TinyDetector.expectedScores(fx(() -> a.prepared().get().pixels()), 1);
        List<Prediction> shown = fx(() -> List.copyOf(a.predictions()));
        float[] scores = new float[3];
        shown.forEach(p -> scores[TinyDetector.LABELS.indexOf(p.label())] = (float) p.probability());
        assertArrayEquals(expected, scores, 1e-4f, "per class, the heatmap's maximum over positions");
        assertEquals("", note());
        screenshot("31-detector");
    }
}
