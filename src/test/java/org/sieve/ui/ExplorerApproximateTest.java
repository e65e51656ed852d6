package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.ui.model.LiveSigma;
import org.sieve.ui.model.PanelState;

/** Analyze shows each layer's approximate map (the first-order solution) at once; the steps then replace it. */
@Tag("gui")
class ExplorerApproximateTest extends ExplorerHarness {

    @Test
    void anApproximateMapComesFirstAndIsRefinedInPlace() {
        awaitReady();
        PanelState a = app().panelA();
        clickOn("#no-layers");
        clickOn("#layer-conv1");
        clickOn("#layer-fc1");
        await("two layers", 10, () -> a.selectedLayers().equals(List.of("conv1", "fc1")));
        Label caption = lookup("#live-caption-A").query();
        List<String> seen = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        long[] firstApproximate = {0};
        fxRun(() -> {
            a.run().sigma().addListener((MapChangeListener<String, LiveSigma>) c -> {
                if (c.wasAdded()) {
                    seen.add(c.getKey() + "@" + c.getValueAdded().step());
                    if (c.getValueAdded().step() == 0 && firstApproximate[0] == 0) {
                        firstApproximate[0] = System.nanoTime();
                    }
                }
            });
            caption.textProperty().addListener((o, was, now) -> captions.add(now));
        });
        long clicked = System.nanoTime();
        clickOn("#analyze");
        await("a result", 120, () -> a.result().get() != null);
        List<String> order = fx(() -> List.copyOf(seen));
        List<String> texts = fx(() -> List.copyOf(captions));
        System.out.printf("first approximate map %.2f s after Analyze; snapshots %s%n",
                (firstApproximate[0] - clicked) / 1e9, order);
        for (String layer : List.of("conv1", "fc1")) {
            List<String> own = order.stream().filter(s -> s.startsWith(layer + "@")).toList();
            assertTrue(own.size() >= 2, layer + ": " + own);
            assertEquals(layer + "@0", own.get(0), layer + "'s first map is the approximate one");
            assertTrue(own.subList(1, own.size()).stream().noneMatch(s -> s.endsWith("@0")),
                    layer + " is refined in place: " + own);
        }
        assertTrue(texts.stream().anyMatch(t -> t.equals("fc1 · approximate (first-order estimate)")), texts.toString());
        assertTrue(texts.get(texts.size() - 1).matches("fc1 · step [1-9][0-9]*"), texts.toString());
    }
}
