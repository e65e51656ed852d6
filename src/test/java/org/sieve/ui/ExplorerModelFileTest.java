package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.ui.model.FileModelSettings;
import org.sieve.ui.model.PanelState;

/** A Keras file dropped on the explorer: read off the FX thread, its normalisation asked once, then remembered. */
@Tag("gui")
class ExplorerModelFileTest extends ExplorerHarness {

    static final Path KERAS = Path.of("src/test/resources/formats/small-cnn.keras").toAbsolutePath();

    @Test
    void aKerasFileAsksForItsNormalisationOnceAndOpens() throws Exception {
        awaitReady();
        PanelState a = app().panelA();
        Path file = Files.copy(KERAS, temp.resolve("my-net.keras"));
        fxRun(() -> explorer.actions().openFiles(List.of(file.toFile())));
        await("the normalisation question", 30, () -> lookup("#normalization-imagenet").tryQuery().isPresent());
        screenshot("30-model-file-question");
        clickOn("#normalization-imagenet");
        clickOn("OK");
        await("the Keras model in panel A", 30, () -> a.model().get() != null
                && a.model().get().id().equals("my-net") && !a.loading().get());
        assertArrayEquals(new float[] {0.485f, 0.456f, 0.406f},
                fx(() -> a.model().get().metadata().normalizationMean()));
        assertEquals(new FileModelSettings("imagenet", null),
                fx(() -> app().fileModels().get(file.toAbsolutePath().normalize().toString())));
        assertTrue(fx(() -> app().models().stream().anyMatch(e -> e.recent() && e.dir().equals(file))),
                "offered among the recent models");
        await("predictions of the Keras model", 30, () -> a.predictions().size() > 0);

        fxRun(() -> explorer.actions().openModel(Path.of("assets", "models", "lenet5-mnist")));
        await("LeNet back", 30, () -> a.model().get().id().equals("lenet5-mnist"));
        fxRun(() -> explorer.actions().openModel(file));
        await("the Keras model again, without asking", 30, () -> a.model().get().id().equals("my-net"));
        assertTrue(fx(() -> Window.getWindows().stream().filter(Window::isShowing).count() == 1),
                "no question the second time");
        screenshot("31-model-file-open");
    }
}
