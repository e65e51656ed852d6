package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.ui.model.CompareKind;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.TechniqueComparison;

/**
 * The Techniques menu opens each bundled variant beside its baseline, on the same image and layers,
 * with the technique explained in a note.
 */
@Tag("gui")
class ExplorerTechniquesTest extends ExplorerHarness {

    @Test
    void eachTechniqueOpensCompareModeOnItsBaselineAndVariant() {
        awaitReady();
        PanelState a = app().panelA();
        PanelState b = app().panelB();
        await("the catalogue's variants", 30, () -> !app().techniques().isEmpty());
        List<TechniqueComparison> all = fx(() -> List.copyOf(app().techniques()));
        assertEquals(Set.of("pruning", "distillation", "adversarial"),
                all.stream().map(TechniqueComparison::technique).collect(Collectors.toSet()), all.toString());

        clickOn("#sample-2-1");
        await("the chosen image", 30, () -> a.image().get().name().equals("2-1.png"));
        clickOn("#no-layers");
        clickOn("#layer-conv2");
        await("one layer", 5, () -> a.selectedLayers().equals(List.of("conv2")));

        Menu menu = fx(() -> lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> "techniques".equals(m.getId())).findFirst().orElseThrow());
        for (TechniqueComparison c : all) {
            MenuItem item = fx(() -> menu.getItems().stream()
                    .filter(i -> ("technique-" + c.variant().id()).equals(i.getId())).findFirst().orElseThrow());
            fxRun(item::fire);
            await(c.technique() + ": baseline left, variant right", 60, () -> app().compare().get()
                    && a.model().get() != null && a.model().get().id().equals(c.baseline().id())
                    && b.model().get() != null && b.model().get().id().equals(c.variant().id())
                    && b.prepared().get() != null && noteOf(c) != null);
            assertEquals(CompareKind.TWO_MODELS, fx(() -> app().compareKind().get()));
            assertEquals("2-1.png", fx(() -> b.image().get().name()), "the same image");
            assertEquals(List.of("conv2"), fx(() -> List.copyOf(b.selectedLayers())), "the same layers");
            assertEquals(List.of("conv2"), fx(() -> List.copyOf(a.selectedLayers())));
            String said = fx(() -> ((Label) noteOf(c).getScene().lookup("#technique-explanation")).getText());
            assertTrue(said.contains(c.variant().name()) && said.contains(c.baseline().name()) && said.length() > 300,
                    said);
            assertEquals(1, fx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                    && w.getScene().lookup("#technique-note") != null).count()), "one note at a time");
            screenshot("technique-" + c.technique());
        }
    }

    /** The note window explaining {@code c}, when it is showing. */
    private static Stage noteOf(TechniqueComparison c) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && c.title().equals(s.getTitle())).map(Stage.class::cast).findFirst().orElse(null);
    }
}