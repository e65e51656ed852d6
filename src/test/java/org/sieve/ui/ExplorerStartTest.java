package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.ui.model.LayerInfo;
import org.sieve.ui.model.ModelEntry;
import org.sieve.ui.model.PanelState;

/** The explorer opens usable on the bundled LeNet-5 and a sample digit, and remembers its state. */
@Tag("gui")
class ExplorerStartTest extends ExplorerHarness {

    @Test
    void startsOnDefaultModelAndImage() {
        awaitReady();
        PanelState a = app().panelA();
        assertEquals("lenet5-mnist", fx(() -> a.model().get().id()));
        assertEquals("0-7.png", fx(() -> a.image().get().name()));
        assertEquals("7", fx(() -> a.predictions().get(0).label()), "LeNet-5 reads the sample 7 as a 7");
        assertEquals(LayerInfo.defaultPick(fx(() -> a.model().get().layers())), fx(() -> a.selectedLayers()),
                "the convolution layers are chosen at first");
        assertTrue(fx(() -> a.mask().get() != null), "digits get the automatic foreground at first");
        ComboBox<ModelEntry> picker = lookup("#model-picker").queryComboBox();
        assertEquals("lenet5-mnist", fx(() -> picker.getValue().id()));
        assertTrue(lookup("#layer-conv1").tryQuery().isPresent(), "the layer list shows LeNet-5's layers");
        screenshot("01-start");
        System.err.println("window shown " + explorer.readyNanos() / 1e9 + " s after start()");
    }

    @Test
    void presentationModeEnlargesAndFillsTheScreen() {
        awaitReady();
        clickOn("#presentation");
        await("presentation mode", 10, () -> stage.getScene().getRoot().getStyleClass().contains("presentation"));
        assertTrue(fx(() -> stage.isFullScreen()), "full screen");
        screenshot("13-presentation");
        type(javafx.scene.input.KeyCode.F11);
        await("back to the window", 10, () -> !app().presentation().get() && !stage.isFullScreen());
    }

    @Test
    void settingsSheetChangesTheNextAnalysis() {
        awaitReady();
        clickOn("#settings");
        await("the property sheet in view", 10, () -> lookup("#settings-sheet").tryQuery().isPresent()
                && ((javafx.scene.control.ScrollPane) lookup("#sidebar").query()).getVvalue() > 0.99);
        screenshot("14-settings");
        fxRun(() -> app().settings().set(app().settings().get().toBuilder().maxSteps(7).seed(3).build()));
        fxRun(() -> app().panelA().selectedLayers().setAll("pool2"));
        clickOn("#analyze");
        await("a result", 120, () -> app().panelA().result().get() != null);
        var settings = fx(() -> app().panelA().result().get().analysis().request().settings());
        assertEquals(7, settings.maxSteps());
        assertEquals(3, settings.seed());
        assertEquals(28, settings.gridHeight(), "the model's recommended grid when the setting is 'auto'");
    }

    @Test
    void remembersModelImageAndLayersOnRestart() throws Exception {
        awaitReady();
        clickOn("#sample-3-0");
        await("the 0 as image", 30, () -> app().panelA().image().get().name().equals("3-0.png")
                && app().panelA().prepared().get() != null);
        clickOn("#no-layers");
        CheckBox fc1 = lookup("#layer-fc1").query();
        clickOn(fc1);
        await("fc1 chosen", 10, () -> app().panelA().selectedLayers().equals(java.util.List.of("fc1")));
        fxRun(() -> app().theme().set(org.sieve.ui.model.Theme.DARK));
        screenshot("02-dark-theme");
        close();
        assertTrue(Files.isRegularFile(temp.resolve("explorer.json")), "state saved on close");
        launch();
        await("the saved image and layers", 90, () -> app().panelA().image().get() != null
                && app().panelA().image().get().name().equals("3-0.png")
                && app().panelA().model().get() != null
                && app().panelA().selectedLayers().equals(java.util.List.of("fc1")));
        assertEquals(org.sieve.ui.model.Theme.DARK, fx(() -> app().theme().get()));
        assertFalse(fx(() -> app().compare().get()));
    }
}
