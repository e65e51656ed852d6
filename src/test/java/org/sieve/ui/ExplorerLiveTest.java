package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.image.SourceRegion;
import org.sieve.ui.model.PanelState;

/**
 * Live mode: the maps follow the pen, or the crop box on a photo, while it moves, and the full
 * analysis replaces them when it is let go.
 */
@Tag("gui")
class ExplorerLiveTest extends ExplorerHarness {

    @Test
    void mapsFollowThePenAndTheFullAnalysisRefinesThem() {
        awaitReady();
        PanelState a = app().panelA();
        clickOn("#draw-tab");
        CheckBox live = lookup("#live-drawing").queryAs(CheckBox.class);
        assertTrue(fx(live::isSelected), "live maps are on by default");

        drag("#drawing-pad", MouseButton.PRIMARY);
        moveBy(0, -50);
        moveBy(20, 60);
        // Still drawing: the pen has not lifted, yet every analysed layer shows a live map.
        await("live maps while the pen is down", 60, () -> a.live().get() != null);
        await("the live badge and a map per layer", 10, () -> isVisible("#live-badge-A")
                && a.selectedLayers().stream().allMatch(l -> lookup("#heatmap-A-" + l).tryQuery().isPresent()));
        assertTrue(fx(() -> a.live().get().analysis().discarding().layers().stream().noneMatch(l -> l.converged())),
                "live maps are approximate, never marked converged");
        assertTrue(fx(() -> a.result().get() == null), "no full result yet");
        moveBy(-10, -20);
        screenshot("24-live-drawing");

        drop();
        await("the full analysis of the drawing", 90, () -> a.result().get() != null && a.live().get() == null);
        assertFalse(fx(() -> isVisible("#live-badge-A")), "the live badge goes once the full result is there");
        assertTrue(fx(() -> a.result().get().analysis().request().image().source().equals("drawing")));
        screenshot("25-live-refined");
    }

    @Test
    void mapsFollowTheCropBoxAndTheFullAnalysisRefinesThem() {
        PanelState a = astronautWithCropBox();
        CheckBox live = lookup("#live-region").queryAs(CheckBox.class);
        assertTrue(fx(live::isSelected), "live maps are on by default");

        // A box over the face (the astronaut is 512 pixels, shown 260 wide), still held.
        var c = lookup("#crop-canvas").query();
        Bounds b = fx(() -> c.localToScreen(c.getBoundsInLocal()));
        drag(b.getMinX() + 75, b.getMinY() + 10, MouseButton.PRIMARY);
        moveBy(60, 60);
        moveBy(30, 30);
        await("live maps while the box moves", 60, () -> a.live().get() != null
                && a.live().get().analysis().request().image().region().width() > 100);
        await("the live badge and a map per layer", 10, () -> isVisible("#live-badge-A")
                && a.selectedLayers().stream().allMatch(l -> lookup("#heatmap-A-" + l).tryQuery().isPresent()));
        SourceRegion followed = fx(() -> a.live().get().analysis().request().image().region());
        assertTrue(followed.x() > 100 && followed.x() < 200, "the live frame shows the box, not the whole photo: "
                + followed.x());
        assertTrue(fx(() -> a.region().get() == null), "the region is set only when the box is let go");
        screenshot("34-live-crop-box");

        drop();
        await("the full analysis of the region", 90, () -> a.result().get() != null && a.live().get() == null);
        SourceRegion analysed = fx(() -> a.result().get().analysis().request().image().region());
        assertEquals(fx(() -> a.region().get().x()), analysed.x(), "the full analysis is of the region let go");
        assertEquals(fx(() -> a.region().get().width()), analysed.width());
        assertFalse(fx(() -> isVisible("#live-badge-A")), "the live badge goes once the full result is there");
        screenshot("35-live-crop-refined");
    }

    private boolean isVisible(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }
}
