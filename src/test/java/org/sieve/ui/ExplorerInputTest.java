package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.ui.model.MaskSpec;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.UserMessage;

/** Images from the drawing pad, foregrounds drawn by hand, and bad files answered with notifications. */
@Tag("gui")
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

    /**
     * Issue 14 in the explorer: models that fail their check on load (NaN weights, a zero stride,
     * an id that would choose where results go) and images that are not what they seem (a pipe, a
     * PNG header claiming 200000x200000 pixels) each give a notification naming the file, and the
     * panel keeps its model and image.
     */
    @Test
    void hostileModelsAndImagesShowNotificationsAndKeepTheModelAndImage() throws Exception {
        awaitReady();
        Path nan = lenetCopy("nan-weights");
        byte[] shard = Files.readAllBytes(nan.resolve("group1-shard1of1.bin"));
        java.nio.ByteBuffer.wrap(shard).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(0, Float.NaN);
        Files.write(nan.resolve("group1-shard1of1.bin"), shard);
        Path strides = lenetCopy("zero-strides");
        Files.writeString(strides.resolve("model.json"), Files.readString(strides.resolve("model.json"))
                .replaceFirst("\"strides\":\\[1,1\\]", "\"strides\":[0,0]"));
        Path escape = lenetCopy("escaping-id");
        Files.writeString(escape.resolve("sieve.json"), Files.readString(escape.resolve("sieve.json"))
                .replace("\"id\": \"lenet5-mnist\"", "\"id\": \"../../escaped\""));
        for (Path model : new Path[] {nan, strides, escape}) {
            int before = fx(() -> app().messages().size());
            fxRun(() -> explorer.actions().openModel(model));
            await("a notification for " + model, 30, () -> app().messages().stream().skip(before)
                    .anyMatch(m -> m.level() == UserMessage.Level.ERROR && m.text().contains(model.toString())));
            assertEquals("lenet5-mnist", fx(() -> app().panelA().model().get().id()), "the old model stays");
        }
        Path pipe = temp.resolve("pipe.png");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        Path bomb = temp.resolve("bomb.png");
        Files.write(bomb, pngHeader(200_000, 200_000));
        for (Path image : new Path[] {pipe, bomb}) {
            int before = fx(() -> app().messages().size());
            fxRun(() -> explorer.actions().openImage(image));
            await("a notification for " + image, 30, () -> app().messages().stream().skip(before)
                    .anyMatch(m -> m.level() == UserMessage.Level.ERROR
                            && (m.title() + m.text()).contains(image.getFileName().toString())));
            assertEquals("0-7.png", fx(() -> app().panelA().image().get().name()), "the old image stays");
        }
        await("the notification on screen", 10, () -> lookup(".notification-bar").tryQuery().isPresent());
        screenshot("11-hostile-input");
    }

    private Path lenetCopy(String name) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(name));
        try (Stream<Path> files = Files.list(Path.of("assets", "models", "lenet5-mnist"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /** A PNG signature and header chunk claiming the given size, and no image data. */
    private static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes(java.nio.charset
                .StandardCharsets.US_ASCII)).putInt(width).putInt(height).put(new byte[] {8, 0, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        return java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26,
                10}).putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
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
