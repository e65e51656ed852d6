package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.ui.model.LayerProgress;
import org.sieve.ui.model.ModelEntry;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunState;

/**
 * Nothing stale on screen: a new metric marks the result outdated and drops the progress rows, a
 * new image or model drops both (a new model's layer choice: ExplorerLayerChoiceTest).
 */
@Tag("gui")
class ExplorerStaleTest extends ExplorerHarness {

    @Test
    void changesLeaveNoStaleProgressRowsOrNumbers() {
        awaitReady();
        PanelState a = app().panelA();
        clickOn("#no-layers");
        clickOn("#layer-conv1");
        analyse(a);
        assertEquals(List.of("conv1"), fx(() -> a.run().layers().stream().map(LayerProgress::layer).toList()));

        clickOn("#metric-ru");
        await("the rows gone, the result outdated", 10, () -> a.run().layers().isEmpty()
                && a.outdated().get().contains("metric"));
        assertTrue(fx(() -> lookup("#outdated-A").query().isVisible()), "said above the maps");
        assertTrue(fx(() -> lookup("#entropy-curve-title").queryLabeled().getText().contains("outdated")),
                "and over the curves");
        screenshot("20-outdated-after-metric-change");
        clickOn("#metric-discarding");
        await("the result current again", 10, () -> a.outdated().get().isEmpty());

        analyse(a);
        clickOn("#sample-2-1");
        await("the image's result and rows gone", 30, () -> a.result().get() == null && a.run().layers().isEmpty()
                && a.run().status().get() == RunState.Status.IDLE && a.prepared().get() != null
                && a.prepared().get().source().endsWith("2-1.png"));

        analyse(a);
        ComboBox<ModelEntry> picker = lookup("#model-picker").queryComboBox();
        clickOn(picker);
        clickOn("MLP (MNIST)");
        await("the model's result and rows gone", 60, () -> a.model().get().id().equals("mlp-mnist")
                && a.result().get() == null && a.run().layers().isEmpty());
        screenshot("21-after-model-change");
    }

    private void analyse(PanelState a) {
        fxRun(() -> a.result().set(null));
        clickOn("#analyze");
        await("a result", 120, () -> a.result().get() != null && a.run().status().get() == RunState.Status.DONE);
    }
}
