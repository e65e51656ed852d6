package org.sieve.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.image.ResizeMode;

/** Compare mode keeps exactly the shared parts of the two panels in step, both ways, and lets go when off. */
class CompareSyncTest {

    private static ImageSource image(String name) {
        return ImageSource.inMemory(name, new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY));
    }

    @Test
    void twoModelsShareTheImageFittingAndForeground() {
        AppModel app = new AppModel();
        PanelState a = app.panelA();
        PanelState b = app.panelB();
        a.image().set(image("seven"));
        a.selectedLayers().setAll("conv1");
        app.compareKind().set(CompareKind.TWO_MODELS);
        app.compare().set(true);
        assertSame(a.image().get(), b.image().get(), "B takes A's image on entering compare mode");
        b.image().set(image("three"));
        assertEquals("three", a.image().get().name(), "a change in B shows in A");
        b.resizeMode().set(ResizeMode.CENTRE_CROP);
        assertEquals(ResizeMode.CENTRE_CROP, a.resizeMode().get());
        a.maskSpec().set(MaskSpec.AUTO);
        assertSame(MaskSpec.AUTO, b.maskSpec().get());
        b.selectedLayers().setAll("dense");
        assertEquals(List.of("conv1"), a.selectedLayers(), "layers differ between two models");
    }

    @Test
    void twoImagesShareModelAndLayersAndOffLetsGo() {
        AppModel app = new AppModel();
        PanelState a = app.panelA();
        PanelState b = app.panelB();
        app.compareKind().set(CompareKind.TWO_IMAGES);
        a.selectedLayers().setAll("conv1", "conv2");
        app.compare().set(true);
        assertEquals(List.of("conv1", "conv2"), b.selectedLayers());
        b.selectedLayers().setAll("pool1");
        assertEquals(List.of("pool1"), a.selectedLayers());
        a.image().set(image("seven"));
        b.image().set(image("three"));
        assertEquals("seven", a.image().get().name(), "images differ");

        app.active().set(b);
        app.compare().set(false);
        assertSame(a, app.active().get(), "leaving compare mode edits panel A again");
        a.selectedLayers().setAll("conv2");
        assertEquals(List.of("pool1"), b.selectedLayers(), "no longer in step");
    }

    @Test
    void changingTheKindRebinds() {
        AppModel app = new AppModel();
        PanelState a = app.panelA();
        PanelState b = app.panelB();
        app.compareKind().set(CompareKind.TWO_LAYER_SETS);
        app.compare().set(true);
        a.image().set(image("seven"));
        assertSame(a.image().get(), b.image().get());
        app.compareKind().set(CompareKind.TWO_IMAGES);
        b.image().set(image("three"));
        assertNotEquals(a.image().get().name(), b.image().get().name(), "two images: the image is no longer shared");
    }
}
