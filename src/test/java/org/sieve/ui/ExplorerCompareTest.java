package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.layout.HBox;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.render.PixelShares;
import org.sieve.report.SheetSize;
import org.sieve.ui.model.CompareKind;
import org.sieve.ui.model.PanelState;

/** Compare mode shows two panels kept in step, overlays their curves, and exports one sheet of both. */
@Tag("gui")
class ExplorerCompareTest extends ExplorerHarness {

    @Test
    void twoModelsOnOneImageInSyncThenExport() throws Exception {
        awaitReady();
        PanelState a = app().panelA();
        PanelState b = app().panelB();
        clickOn("#compare");
        await("panel B with another model on the same image", 60, () -> b.model().get() != null
                && !b.model().get().id().equals(a.model().get().id()) && b.prepared().get() != null
                && !b.predictions().isEmpty());
        HBox panels = lookup("#panels").query();
        assertEquals(2, fx(() -> panels.getChildren().size()), "two panels side by side");
        assertEquals(CompareKind.TWO_MODELS, fx(() -> app().compareKind().get()));

        clickOn("#sample-2-1");
        await("both panels on the new image", 30, () -> a.image().get().name().equals("2-1.png")
                && b.image().get().name().equals("2-1.png") && a.prepared().get() != null
                && b.prepared().get() != null && b.prepared().get().source().endsWith("2-1.png"));
        assertEquals(fx(() -> a.image().get()), fx(() -> b.image().get()), "the image is shared");

        clickOn("#panel-B");
        await("B active", 5, () -> app().active().get() == b);
        clickOn("#no-layers");
        clickOn("#layer-" + fx(() -> b.model().get().layers().get(0).name()));
        clickOn("#panel-A");
        clickOn("#no-layers");
        clickOn("#layer-conv2");
        await("one layer each", 5, () -> a.selectedLayers().equals(List.of("conv2")) && b.selectedLayers().size() == 1);

        clickOn("#analyze");
        await("both results", 180, () -> a.result().get() != null && b.result().get() != null);
        assertTrue(lookup("#heatmap-A-conv2").tryQuery().isPresent());
        assertTrue(lookup("#heatmap-B-" + fx(() -> b.selectedLayers().get(0))).tryQuery().isPresent());
        LineChart<?, ?> curve = lookup("#entropy-chart").query();
        assertEquals(8, fx(() -> curve.getData().size()), "both panels' curves on one chart, with foregrounds");
        screenshot("07-compare");

        Path sheet = temp.resolve("sheet.png");
        fxRun(() -> explorer.actions().exportSheet(sheet, new SheetSize(1280, 720), p -> { }));
        await("the sheet written", 60, () -> Files.isRegularFile(sheet));
        BufferedImage img = ImageIO.read(sheet.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(720, img.getHeight());
        assertTrue(PixelShares.coloured(img) > 0.03, "the heatmaps are drawn in colour");
        assertTrue(PixelShares.dark(img, 0, 0, img.getWidth(), 80) > 0.005, "the title is written at the top");
        Files.copy(sheet, SCREENSHOTS.resolve("08-exported-sheet.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Path numbers = temp.resolve("numbers");
        fxRun(() -> explorer.actions().exportNumbers(numbers));
        await("the numbers written", 60, () -> {
            try (var dirs = Files.list(numbers)) {
                return dirs.filter(d -> Files.isRegularFile(d.resolve("result.json"))
                        && Files.isRegularFile(d.resolve("entropy.csv"))).count() == 2;
            } catch (java.io.IOException e) {
                return false;
            }
        });

        clickOn("#compare");
        await("one panel again", 5, () -> !app().compare().get());
        assertEquals(1, fx(() -> panels.getChildren().size()));
        assertNotEquals(fx(() -> a.model().get().id()), fx(() -> b.model().get().id()));
    }

    @Test
    void twoImagesShareModelAndLayers() {
        awaitReady();
        PanelState a = app().panelA();
        PanelState b = app().panelB();
        fxRun(() -> app().compareKind().set(CompareKind.TWO_IMAGES));
        clickOn("#compare");
        await("panel B on another image", 60, () -> b.image().get() != null && b.prepared().get() != null
                && !b.image().get().name().equals(a.image().get().name()));
        assertEquals(fx(() -> a.model().get()), fx(() -> b.model().get()), "the model is shared");
        clickOn("#no-layers");
        clickOn("#layer-pool1");
        await("layers in step", 5, () -> b.selectedLayers().equals(List.of("pool1")));
    }
}
