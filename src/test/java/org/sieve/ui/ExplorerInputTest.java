package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.sieve.ui.model.MaskSpec;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.UserMessage;

/** Images from the drawing pad, foregrounds drawn by hand, and bad files answered with notifications. */
class ExplorerInputTest extends ExplorerHarness {

    @Test
    void corruptImageShowsANotificationAndKeepsTheOldImage() throws Exception {
        awaitReady();
        Path bad = temp.resolve("broken.png");
        Files.write(bad, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5, 6});
        fxRun(() -> explorer.actions().openImage(bad));
        await("an error notification", 30, () -> app().messages().stream()
                .anyMatch(m -> m.level() == UserMessage.Level.ERROR && m.title().contains("broken.png")));
        await("the notification on screen", 10, () -> lookup(".notification-bar").tryQuery().isPresent());
        assertEquals("0-7.png", fx(() -> app().panelA().image().get().name()), "the old image stays");
        screenshot("09-corrupt-image");
    }

    @Test
    void unsupportedModelShowsANotificationAndKeepsTheOldModel() throws Exception {
        awaitReady();
        Path dir = temp.resolve("lstm-model");
        Files.createDirectories(dir);
        Path lenet = Path.of("assets", "models", "lenet5-mnist");
        try (Stream<Path> files = Files.list(lenet)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        String json = Files.readString(dir.resolve("model.json"));
        Files.writeString(dir.resolve("model.json"), json.replaceFirst("\"class_name\":\"Conv2D\"",
                "\"class_name\":\"ConvLSTM2D\""));
        fxRun(() -> explorer.actions().openModel(dir));
        await("an error notification", 30, () -> app().messages().stream()
                .anyMatch(m -> m.level() == UserMessage.Level.ERROR && m.text().contains("ConvLSTM2D")));
        await("the notification on screen", 10, () -> lookup(".notification-bar").tryQuery().isPresent());
        assertEquals("lenet5-mnist", fx(() -> app().panelA().model().get().id()), "the old model stays");
        screenshot("10-unsupported-model");
    }

    @Test
    void drawingPadFeedsTheModel() {
        awaitReady();
        PanelState a = app().panelA();
        clickOn("#draw-tab");
        drag("#drawing-pad", MouseButton.PRIMARY);
        moveBy(0, -60);
        moveBy(10, 60);
        drop();
        await("the drawing as image, predicted", 30, () -> a.image().get().name().equals("drawing")
                && a.prepared().get() != null && !a.predictions().isEmpty()
                && a.prepared().get().source().equals("drawing"));
        screenshot("11-drawing");
    }

    @Test
    void rectangleForegroundFromADrag() {
        awaitReady();
        PanelState a = app().panelA();
        clickOn("#mask-rectangle");
        fxRun(() -> a.maskSpec().set(MaskSpec.NONE));
        var canvas = lookup(".image-canvas").query();
        var bounds = fx(() -> canvas.localToScreen(canvas.getBoundsInLocal()));
        drag(bounds.getMinX() + bounds.getWidth() * 0.25, bounds.getMinY() + bounds.getHeight() * 0.25,
                MouseButton.PRIMARY);
        dropTo(bounds.getMinX() + bounds.getWidth() * 0.75, bounds.getMinY() + bounds.getHeight() * 0.75);
        await("a rectangle foreground", 30, () -> a.maskSpec().get() instanceof MaskSpec.Rectangle
                && a.mask().get() != null);
        int count = fx(() -> a.mask().get().foregroundCount());
        assertTrue(count > 100 && count < 300, "about the middle quarter of 28x28 pixels, got " + count);
        screenshot("12-rectangle-foreground");
    }
}
