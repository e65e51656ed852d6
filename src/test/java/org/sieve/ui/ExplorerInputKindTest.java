package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.image.RequestedRegion;
import org.sieve.ui.model.ImageSource;
import org.sieve.ui.model.MaskSpec;
import org.sieve.ui.model.ModelEntry;
import org.sieve.ui.model.PanelState;

/**
 * What was chosen for a kind of model stays with that kind: a digit drawn for LeNet-5 does not
 * become MobileNetV2's input, and the photo's region and foreground come back with the photo
 * model. A restart brings back panel B of a comparison as it was left.
 */
@Tag("gui")
class ExplorerInputKindTest extends ExplorerHarness {

    private static final Path MOBILENET = Path.of("assets", "models", "mobilenet-v2-imagenet");
    private static final Path LENET = Path.of("assets", "models", "lenet5-mnist");

    @Test
    void digitPhotoDigitKeepsEachKindsInput() throws Exception {
        awaitReady();
        PanelState a = app().panelA();
        BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = digit.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(12, 4, 4, 20);
        g.dispose();
        fxRun(() -> explorer.actions().useImage("drawing", digit));
        ImageSource drawing = fx(() -> a.image().get());

        fxRun(() -> explorer.actions().openModel(MOBILENET));
        await("MobileNetV2 on a photo sample", 120, () -> a.model().get().id().equals("mobilenet-v2-imagenet")
                && a.image().get() != drawing && a.image().get().file() != null
                && explorer.actions().sampleGroup(a.image().get().file().toAbsolutePath()).equals("photos"));
        assertEquals(MaskSpec.NONE, fx(() -> a.maskSpec().get()), "no digit-stroke foreground on a photo");
        RequestedRegion box = new RequestedRegion(100, 40, 240, 240);
        MaskSpec.Rectangle rectangle = new MaskSpec.Rectangle(150, 80, 100, 100);
        fxRun(() -> {
            a.region().set(box);
            a.maskSpec().set(rectangle);
        });
        ImageSource photo = fx(() -> a.image().get());

        fxRun(() -> explorer.actions().openModel(LENET));
        await("LeNet-5 with the drawing back", 60, () -> a.model().get().id().equals("lenet5-mnist")
                && a.image().get() == drawing);
        assertEquals(MaskSpec.AUTO, fx(() -> a.maskSpec().get()));
        assertEquals(null, fx(() -> a.region().get()));

        fxRun(() -> explorer.actions().openModel(MOBILENET));
        await("MobileNetV2 with its photo, region and foreground back", 120,
                () -> a.model().get().id().equals("mobilenet-v2-imagenet") && a.image().get() == photo);
        assertEquals(box, fx(() -> a.region().get()));
        assertEquals(rectangle, fx(() -> a.maskSpec().get()));
        await("the photo's region prepared", 60, () -> a.prepared().get() != null);
        screenshot("45-photo-model-input-back");

        close();
        launch();
        PanelState again = app().panelA();
        await("the photo model, photo and region after a restart", 120, () -> again.model().get() != null
                && again.model().get().id().equals("mobilenet-v2-imagenet") && again.image().get() != null
                && again.image().get().file() != null
                && again.image().get().file().toAbsolutePath().equals(photo.file().toAbsolutePath())
                && box.equals(again.region().get()));
        assertEquals(rectangle, fx(() -> again.maskSpec().get()));
    }

    @Test
    void restartBringsPanelBBack() throws Exception {
        awaitReady();
        fxRun(() -> explorer.actions().compare(true));
        PanelState b = app().panelB();
        await("panel B's first model", 60, () -> b.model().get() != null && !b.loading().get());
        ModelEntry vgg = fx(() -> app().models().stream().filter(e -> e.id().equals("vgg-mnist")).findFirst()
                .orElseThrow());
        fxRun(() -> explorer.actions().chooseModel(b, vgg));
        await("VGG in panel B", 60, () -> b.model().get().id().equals("vgg-mnist"));
        fxRun(() -> b.selectedLayers().setAll(b.selectedLayers().get(0)));
        String layer = fx(() -> b.selectedLayers().get(0));

        close();
        launch();
        PanelState b2 = app().panelB();
        await("compare mode with VGG in panel B", 120, () -> app().compare().get() && b2.model().get() != null
                && b2.model().get().id().equals("vgg-mnist") && !b2.loading().get());
        assertEquals(java.util.List.of(layer), fx(() -> java.util.List.copyOf(b2.selectedLayers())));
        assertSame(fx(() -> app().panelA().image().get()), fx(() -> b2.image().get()), "one image, two models");
        assertTrue(fx(() -> app().panelA().model().get().id().equals("lenet5-mnist")));
        screenshot("46-panel-b-after-restart");
    }
}
