package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Rectangle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.image.RequestedRegion;
import org.sieve.image.SourceRegion;
import org.sieve.ui.model.PanelState;

/** The crop box: draw, move, resize, lock to the model's aspect and reset a region of a photo. */
@Tag("gui")
class ExplorerRegionTest extends ExplorerHarness {

    /** The astronaut is 512x512, shown 260 pixels wide: about 0.51 screen pixels per image pixel. */
    private static final double SCALE = 260.0 / 512;

    private Bounds canvas() {
        var c = lookup("#crop-canvas").query();
        return fx(() -> c.localToScreen(c.getBoundsInLocal()));
    }

    private void dragIn(double x0, double y0, double x1, double y1) {
        Bounds b = canvas();
        drag(b.getMinX() + x0 * SCALE, b.getMinY() + y0 * SCALE, MouseButton.PRIMARY);
        dropTo(b.getMinX() + x1 * SCALE, b.getMinY() + y1 * SCALE);
    }

    private static void near(int expected, int actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 3, what + ": expected about " + expected + ", got " + actual);
    }

    private RequestedRegion awaitRegion(PanelState a, String what) {
        await(what, 30, () -> a.region().get() != null && a.prepared().get() != null
                && a.prepared().get().region().x() == a.region().get().x()
                && a.prepared().get().region().width() == a.region().get().width());
        return fx(() -> a.region().get());
    }

    @Test
    void dragMoveResizeLockAndReset() {
        PanelState a = astronautWithCropBox();
        clickOn("#live-region"); // the box alone here; ExplorerLiveTest follows it live
        Label text = lookup("#crop-text").queryAs(Label.class);
        assertEquals("Whole image, 512×512", fx(text::getText));

        // The face: x 150, y 20, 180x180 in image pixels.
        dragIn(150, 20, 330, 200);
        RequestedRegion face = awaitRegion(a, "the face as region");
        near(150, face.x(), "x");
        near(20, face.y(), "y");
        near(180, face.width(), "width");
        near(180, face.height(), "height");
        assertEquals("Region " + face.text() + " (x,y,w,h in image pixels)", fx(text::getText));
        Rectangle box = lookup("#crop-rectangle").queryAs(Rectangle.class);
        near(180, (int) Math.round(fx(box::getWidth) / SCALE), "the box on screen");
        SourceRegion seen = fx(() -> a.prepared().get().region());
        assertEquals(face.x(), seen.x());
        assertEquals(face.height(), seen.height());
        screenshot("33-crop-box");

        // Move it 60 image pixels right by dragging its middle.
        dragIn(240, 110, 300, 110);
        RequestedRegion moved = awaitRegion(a, "the region moved");
        near(face.x() + 60, moved.x(), "moved x");
        assertEquals(face.y(), moved.y());
        assertEquals(face.width(), moved.width());

        // Resize from the lower-right corner to 240x120.
        dragIn(moved.x() + moved.width(), moved.y() + moved.height(), moved.x() + 240, moved.y() + 120);
        RequestedRegion resized = awaitRegion(a, "the region resized");
        assertEquals(moved.x(), resized.x());
        near(240, resized.width(), "resized width");
        near(120, resized.height(), "resized height");

        // Locked to LeNet-5's 28x28 input, a wide drag gives a square.
        clickOn("#crop-lock");
        dragIn(20, 300, 220, 350);
        RequestedRegion square = awaitRegion(a, "a square region");
        near(square.width(), square.height(), "locked aspect");
        near(200, square.width(), "locked width");

        clickOn("#crop-reset");
        await("the whole image again", 30, () -> a.region().get() == null && a.prepared().get() != null
                && a.prepared().get().region().width() == 512);
        assertEquals("Whole image, 512×512", fx(text::getText));
        assertNull(a.prepared().get().preprocessing().get("regionInSourcePixels"));
    }
}
