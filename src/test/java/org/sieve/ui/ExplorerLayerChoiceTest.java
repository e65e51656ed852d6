package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.ui.model.LayerInfo;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunEstimate;
import org.sieve.ui.model.RunState;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A layer choice belongs to its model: "All" on LeNet-5 does not become all of MobileNetV2's
 * layers; a big model starts with about five layers spread over its depth; coming back to a model
 * brings its choice back; the long layer list can be searched. The expected time shows before
 * Analyze, and an analysis expected to take over two minutes asks first.
 */
@Tag("gui")
class ExplorerLayerChoiceTest extends ExplorerHarness {

    static final Path MOBILENET = Path.of("assets", "models", "mobilenet-v2-imagenet");
    static final Path LENET = Path.of("assets", "models", "lenet5-mnist");

    @Test
    void allOnLeNetStaysWithLeNetAndMobileNetStartsWithFiveLayers() {
        awaitReady();
        PanelState a = app().panelA();
        clickOn("#all-layers");
        List<String> all = fx(() -> a.model().get().layers().stream().map(LayerInfo::name).toList());
        await("every LeNet-5 layer", 10, () -> fx(() -> List.copyOf(a.selectedLayers())).equals(all));

        fxRun(() -> explorer.actions().openModel(MOBILENET));
        await("MobileNetV2", 120, () -> a.model().get().id().equals("mobilenet-v2-imagenet"));
        List<LayerInfo> layers = fx(() -> a.model().get().layers());
        List<String> chosen = fx(() -> List.copyOf(a.selectedLayers()));
        assertTrue(layers.size() > 100, "MobileNetV2 has " + layers.size() + " layers");
        assertEquals(LayerInfo.FIRST_CHOICE, chosen.size(), "the first choice on MobileNetV2: " + chosen);
        List<String> conv = LayerInfo.defaultPick(layers);
        assertEquals(conv.get(0), chosen.get(0), "the first convolution");
        assertEquals(conv.get(conv.size() - 1), chosen.get(chosen.size() - 1), "the last convolution");
        await("an expected time before Analyze", 120, () -> a.estimate().get() != null
                && fx(() -> lookup("#expected-time").queryAs(Label.class).getText()).startsWith("Expected: about"));
        // A photo model's live graph is built at the crop box's first drag, not for every choice.
        await("no live worker held for MobileNetV2", 30, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().equals("sieve-live")));
        RunEstimate five = fx(() -> a.estimate().get());
        assertTrue(five.steps() < FAST.maxSteps(), "the usual steps, not the budget: " + five);
        screenshot("40-mobilenet-first-choice");

        // Forty layers of MobileNetV2 at the default step budget take far over two minutes: Analyze
        // asks, and Cancel (Enter) starts nothing.
        fxRun(() -> app().settings().set(FAST.toBuilder().maxSteps(DiscardingSettings.defaults().maxSteps()).build()));
        fxRun(() -> a.selectedLayers().setAll(layers.subList(0, 40).stream().map(LayerInfo::name).toList()));
        await("the estimate of forty layers", 120, () -> a.estimate().get() != null
                && a.estimate().get().asksFirst());
        assertTrue(fx(() -> a.estimate().get().seconds()) > 10 * five.seconds(), five + " for five layers");
        clickOn("#analyze");
        await("the question before a long analysis", 60, () -> lookup("#long-run-question").tryQuery().isPresent());
        screenshot("42-mobilenet-long-run-question");
        assertTrue(fx(() -> lookup("#long-run-cancel").queryButton().isDefaultButton()), "Enter cancels");
        type(KeyCode.ENTER);
        await("the question closed", 10, () -> lookup("#long-run-question").tryQuery().isEmpty());
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertEquals(RunState.Status.IDLE, fx(() -> a.run().status().get()), "Cancel started nothing");
        assertTrue(!fx(() -> explorer.actions().running()));
        fxRun(() -> a.selectedLayers().setAll(chosen));
        fxRun(() -> app().settings().set(FAST));

        // The list of 150 layers can be searched by name or type.
        TextField search = fx(() -> lookup("#layer-search").queryAs(TextField.class));
        assertTrue(fx(search::isVisible), "a search field for a long list");
        fxRun(() -> search.setText("project conv"));
        @SuppressWarnings("unchecked")
        ListView<LayerInfo> list = fx(() -> lookup("#layer-list").queryAs(ListView.class));
        List<LayerInfo> found = fx(() -> List.copyOf(list.getItems()));
        assertTrue(!found.isEmpty() && found.size() < layers.size() / 3, found.size() + " found");
        assertTrue(found.stream().map(l -> (l.name() + " " + l.kind()).toLowerCase())
                .allMatch(l -> l.contains("project") && l.contains("conv")), found.toString());
        assertTrue(found.stream().anyMatch(l -> l.name().equals("block_16_project")), found.toString());
        screenshot("41-mobilenet-layer-search");
        fxRun(() -> search.setText(""));

        fxRun(() -> explorer.actions().openModel(LENET));
        await("LeNet-5 with its own choice back", 60, () -> a.model().get().id().equals("lenet5-mnist")
                && fx(() -> List.copyOf(a.selectedLayers())).equals(all));
        SavedState saved = fx(() -> explorer.capture());
        assertEquals(all, saved.layersByModel.get("lenet5-mnist"));
        assertEquals(chosen, saved.layersByModel.get("mobilenet-v2-imagenet"));
    }
}
