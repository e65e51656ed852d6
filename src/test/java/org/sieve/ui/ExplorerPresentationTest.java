package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.ui.model.CompareKind;
import org.sieve.ui.model.PanelState;

/**
 * Presentation mode presents: with the controls hidden and the type enlarged, every map, its
 * title and the colour bar lie inside the window after Analyze, without scrolling: one panel of
 * eight layers, and two compared panels of six each on a full HD screen (on a smaller one they
 * scroll, level with each other). The maps cover at least 40 % of the screen's height, the curves
 * standing beside them. The presentation bar lies under the results with its buttons on screen,
 * and panel captions are never cut short. Run once per screen size
 * (1280x720 and 1920x1080, Monocle's screen set per run in pom.xml), or alone with
 * -Dheadless.geometry=WxH-32.
 */
@Tag("gui")
class ExplorerPresentationTest extends ExplorerHarness {

    private static final List<String> SIX = List.of("conv1", "pool1", "conv2", "pool2", "fc1", "fc2");

    @Test
    void eightLayersFitTheScreen() {
        awaitReady();
        PanelState a = app().panelA();
        clickOn("#all-layers");
        await("all eight layers", 5, () -> a.selectedLayers().size() == 8);
        present();
        type(KeyCode.F5);
        await("a result", 120, () -> a.result().get() != null);
        awaitLaidOut();
        assertInsideWindow(mapsOf(a));
        assertInsideWindow(List.of("#entropy-chart"));
        // The presentation bar, with the keys that leave, lies under the maps and the curves, its buttons on screen.
        double bottom = sceneBounds("#entropy-chart").getMaxY();
        assertInsideWindow(List.of("#overlay-analyze", "#overlay-controls", "#overlay-leave"), true, false);
        assertTrue(sceneBounds("#presentation-overlay").getMinY() >= bottom - 0.5, "the bar lies under the results");
        assertMapsTakeTheHeight(a);
        // A notification keeps to the curves' column, off the maps.
        fxRun(() -> app().messages().add(org.sieve.ui.model.UserMessage.error("Cannot open image",
                "broken.png is not an image this explorer reads: choose a PNG, JPEG or BMP file.")));
        await("the notification", 5, () -> lookup(".notification-bar").tryQuery().isPresent());
        awaitLaidOut();
        screenshot("presentation-" + screen() + "-one-panel");
        Bounds note = sceneBounds(".notification-bar");
        for (String id : mapsOf(a)) {
            assertFalse(note.intersects(sceneBounds(id)), "the notification at " + note + " covers " + id);
        }
    }

    @Test
    void twoComparedPanelsOfSixLayersFitAFullHdScreen() {
        awaitReady();
        PanelState a = app().panelA();
        PanelState b = app().panelB();
        fxRun(() -> app().compareKind().set(CompareKind.TWO_IMAGES));
        clickOn("#compare");
        await("panel B on another image", 60, () -> b.prepared().get() != null && a.prepared().get() != null
                && b.prepared().get() != a.prepared().get());
        fxRun(() -> a.selectedLayers().setAll(SIX));
        await("six layers in both", 5, () -> b.selectedLayers().equals(SIX));
        present();
        type(KeyCode.F5);
        await("both results", 180, () -> a.result().get() != null && b.result().get() != null);
        awaitLaidOut();
        screenshot("presentation-" + screen() + "-two-panels");
        assertMapsTakeTheHeight(a);
        assertMapsTakeTheHeight(b);
        for (String id : List.of("#caption-A", "#caption-B")) {
            Label caption = lookup(id).query();
            Text shown = fx(() -> (Text) caption.lookup(".text"));
            assertEquals(fx(caption::getText), fx(shown::getText), id + " whole, not cut short");
        }
        if (Screen.getPrimary().getBounds().getWidth() >= 1920) {
            List<String> maps = new ArrayList<>(mapsOf(a));
            maps.addAll(mapsOf(b));
            assertInsideWindow(maps);
            return;
        }
        // Smaller screens may scroll, but the page as a whole: the panels' maps stay level with each other.
        ScrollPane page = lookup("#page").query();
        fxRun(() -> page.setVvalue(page.getVmax()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        for (String layer : SIX) {
            assertEquals(sceneBounds("#heatmap-A-" + layer).getMinY(), sceneBounds("#heatmap-B-" + layer).getMinY(),
                    0.5, layer + " of both panels on one row");
        }
        assertInsideWindow(List.of("#heatmap-A-fc2", "#heatmap-B-fc2"), false);
        screenshot("presentation-" + screen() + "-two-panels-scrolled");
    }

    /** The panel's maps, row over row, cover at least 40 % of the screen's height, as a class sees them. */
    private void assertMapsTakeTheHeight(PanelState panel) {
        List<Bounds> maps = new ArrayList<>();
        for (String layer : fx(() -> List.copyOf(panel.selectedLayers()))) {
            maps.add(sceneBounds("#heatmap-" + panel.id() + "-" + layer));
        }
        maps.sort(java.util.Comparator.comparingDouble(Bounds::getMinY));
        double covered = 0;
        double reached = Double.NEGATIVE_INFINITY;
        for (Bounds m : maps) {
            covered += Math.max(0, m.getMaxY() - Math.max(m.getMinY(), reached));
            reached = Math.max(reached, m.getMaxY());
        }
        double share = covered / fx(() -> stage.getScene().getHeight());
        assertTrue(share >= 0.4, String.format(java.util.Locale.ROOT,
                "panel %s's maps cover %.0f %% of a %s screen's height, not 40 %%", panel.id(), 100 * share, screen()));
    }

    private Bounds sceneBounds(String id) {
        Node node = lookup(id).query();
        return fx(() -> node.localToScene(node.getLayoutBounds()));
    }

    /** F11: full screen, the side bar and tool bars gone, the overlay there. */
    private void present() {
        type(KeyCode.F11);
        Rectangle2D screen = Screen.getPrimary().getBounds();
        await("full screen presentation", 10, () -> stage.isFullScreen()
                && stage.getScene().getWidth() == screen.getWidth()
                && stage.getScene().getHeight() == screen.getHeight());
        assertFalse(fx(() -> shown(lookup("#sidebar").query())), "the side bar is hidden");
        assertFalse(fx(() -> shown(lookup("#tool-bar").query())), "the tool bar is hidden");
        assertTrue(fx(() -> shown(lookup("#presentation-overlay").query())), "the overlay brings them back");
    }

    /** The strip is drawn a frame after the result and laid out in a pass or two more. */
    private void awaitLaidOut() {
        await("the maps drawn", 10, () -> lookup("#colour-bar-A").tryQuery().isPresent());
        for (int i = 0; i < 3; i++) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Each layer's map and title, and the panel's colour bar. */
    private List<String> mapsOf(PanelState panel) {
        List<String> ids = new ArrayList<>();
        for (String layer : fx(() -> List.copyOf(panel.selectedLayers()))) {
            ids.add("#heatmap-" + panel.id() + "-" + layer);
            ids.add("#title-heatmap-" + panel.id() + "-" + layer);
        }
        ids.add("#colour-bar-" + panel.id());
        return ids;
    }

    private void assertInsideWindow(List<String> ids) {
        assertInsideWindow(ids, true);
    }

    private void assertInsideWindow(List<String> ids, boolean unscrolled) {
        assertInsideWindow(ids, unscrolled, true);
    }

    /**
     * Each node lies within the page (or the whole window, for what is not on the page) as the
     * window shows it, after no scrolling at all if so asked.
     */
    private void assertInsideWindow(List<String> ids, boolean unscrolled, boolean onPage) {
        Bounds window = fx(() -> stage.getScene().getRoot().getLayoutBounds());
        Bounds page = onPage ? sceneBounds("#page") : window;
        assertTrue(page.getMinY() >= window.getMinY() && page.getMaxY() <= window.getMaxY() + 0.5, "page " + page);
        if (unscrolled) {
            assertEquals(0.0, fx(() -> ((ScrollPane) lookup("#page").query()).getVvalue()), "nothing scrolled");
        }
        for (String id : ids) {
            Node node = lookup(id).query();
            Bounds b = sceneBounds(id);
            assertTrue(fx(() -> shown(node)), id + " shown");
            assertTrue(b.getWidth() > 0 && b.getHeight() > 0, id + " has a size: " + b);
            assertTrue(b.getMinX() >= page.getMinX() - 0.5 && b.getMaxX() <= page.getMaxX() + 0.5
                    && b.getMinY() >= page.getMinY() - 0.5 && b.getMaxY() <= page.getMaxY() + 0.5,
                    id + " at " + b + " lies inside the visible page " + page + " of a " + screen() + " screen");
        }
    }

    /** Visible, and so is every node it lies in. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String screen() {
        Rectangle2D s = Screen.getPrimary().getBounds();
        return (int) s.getWidth() + "x" + (int) s.getHeight();
    }
}
