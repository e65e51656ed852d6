package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.AnalysisResult;
import org.sieve.analysis.ResultFiles;
import org.sieve.metrics.DiscardingResult;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.report.ComparisonSheet;
import org.sieve.render.PixelShares;
import org.sieve.report.MapStyle;
import org.sieve.report.SheetPanel;
import org.sieve.report.SheetSize;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunState;
import org.sieve.ui.model.UserMessage;

/**
 * Metric 2 in the explorer: chosen beside Analyze, it shows reconstruction-uncertainty maps with
 * each layer's reconstruction of the input under its map, labelled as such in the strip, curves,
 * large view and sheet; without decoders it says how to train them and metric 1 keeps working.
 */
@Tag("gui")
class ExplorerMetricTest extends ExplorerHarness {

    @Test
    void reconstructionUncertaintyShowsMapsAndWhatEachLayerKeeps() throws Exception {
        awaitReady();
        PanelState a = app().panelA();
        clickOn("#metric-ru");
        await("metric 2 chosen", 5, () -> app().settings().get().metric() == Metric.RECONSTRUCTION_UNCERTAINTY);
        clickOn("#no-layers");
        clickOn("#layer-conv1");
        clickOn("#layer-logits");
        await("two layers", 10, () -> a.selectedLayers().equals(List.of("conv1", "logits")));
        clickOn("#analyze");
        await("a result", 180, () -> a.result().get() != null);
        assertEquals(RunState.Status.DONE, fx(() -> a.run().status().get()));
        AnalysisResult analysis = fx(() -> a.result().get().analysis());
        assertEquals(Metric.RECONSTRUCTION_UNCERTAINTY, analysis.request().settings().metric());

        // Maps and reconstructions are drawn in the background after the result arrives.
        await("each layer's map and reconstruction drawn", 30, () -> List.of("conv1", "logits").stream()
                .allMatch(l -> drawn("#heatmap-A-" + l) && drawn("#reconstruction-A-" + l)));
        for (String layer : List.of("conv1", "logits")) {
            ImageView map = lookup("#heatmap-A-" + layer).query();
            ImageView rebuilt = lookup("#reconstruction-A-" + layer).query();
            assertEquals(fx(() -> map.getImage().getWidth()), fx(() -> rebuilt.getImage().getWidth()),
                    "the reconstruction is drawn at the map's tile size");
            assertEquals(fx(() -> map.localToScene(map.getBoundsInLocal()).getCenterX()),
                    fx(() -> rebuilt.localToScene(rebuilt.getBoundsInLocal()).getCenterX()), 1.0,
                    "each reconstruction stands under its layer's map");
            assertTrue(fx(() -> rebuilt.localToScene(rebuilt.getBoundsInLocal()).getMinY()
                    >= map.localToScene(map.getBoundsInLocal()).getMaxY()), "under it, not over it");
            assertTrue(fx(() -> imageVariance(rebuilt.getImage())) > 0, "the reconstruction from " + layer
                    + " is not blank");
        }
        assertTrue(lookup("#input-tile-A").tryQuery().isPresent(), "the input beside the reconstructions");
        javafx.scene.Node bar = lookup("#colour-bar-A").query();
        assertEquals(ResultFiles.UNCERTAINTY_LABEL, fx(bar::getAccessibleText));
        LineChart<?, ?> curve = lookup("#entropy-chart").query();
        assertEquals("r̄ (nats/dim)", fx(() -> curve.getYAxis().getLabel()));
        Labeled title = lookup("#entropy-curve-title").queryLabeled();
        assertTrue(fx(title::getText).contains("reconstruction uncertainty"));
        assertTrue(lookup(".legend-entry").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.getText().equals("r̄ reconstruction uncertainty")), "the legend names r̄");
        screenshot("15-reconstruction-uncertainty");

        clickOn("#reconstruction-A-conv1");
        await("the large view", 10, () -> lookup("#detail-reconstruction").tryQuery().isPresent());
        moveTo("#detail-canvas");
        await("cell values on hover", 10, () -> lookup("#detail-cell").queryLabeled().getText().contains("r ="));
        screenshot("16-reconstruction-large-view");
        fxRun(() -> Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage).toList()
                .forEach(w -> ((Stage) w).close()));

        Path sheet = temp.resolve("ru-sheet.png");
        fxRun(() -> explorer.actions().exportSheet(sheet, new SheetSize(1280, 720), p -> { }));
        await("the sheet written", 60, () -> Files.isRegularFile(sheet));
        BufferedImage ru = ImageIO.read(sheet.toFile());
        assertEquals(1280, ru.getWidth());
        assertEquals(720, ru.getHeight());
        BufferedImage without = ComparisonSheet.render(List.of(new SheetPanel("A", "same, metric 1",
                asMetricOne(analysis))), MapStyle.DEFAULT, new SheetSize(1280, 720));
        assertTrue(PixelShares.gray(ru) > PixelShares.gray(without) + 0.01, "the sheet adds the input and"
                + " reconstructions in gray: " + PixelShares.gray(ru) + " vs " + PixelShares.gray(without));
        Files.copy(sheet, SCREENSHOTS.resolve("17-reconstruction-sheet.png"), StandardCopyOption.REPLACE_EXISTING);

        clickOn("#metric-discarding");
        clickOn("#analyze");
        await("a metric-1 result", 180, () -> a.result().get() != null
                && a.result().get().analysis().request().settings().metric() == Metric.INFORMATION_DISCARDING);
        assertTrue(lookup("#heatmap-A-conv1").tryQuery().isPresent());
        assertFalse(lookup("#reconstruction-A-conv1").tryQuery().isPresent(), "metric 1 has no reconstructions");
        assertFalse(lookup("#input-tile-A").tryQuery().isPresent());
        assertEquals(ResultFiles.ENTROPY_LABEL, fx(() -> lookup("#colour-bar-A").query().getAccessibleText()));
        assertEquals("h̄ (nats/dim)", fx(() -> curve.getYAxis().getLabel()));
    }

    @Test
    void bothPanelsOfAComparisonShowTheirReconstructions() throws Exception {
        awaitReady();
        PanelState a = app().panelA();
        PanelState b = app().panelB();
        clickOn("#metric-ru");
        clickOn("#compare");
        await("panel B with another model", 60, () -> b.model().get() != null && b.prepared().get() != null
                && !b.model().get().id().equals(a.model().get().id()));
        String bLayer = fx(() -> b.model().get().layers().get(0).name());
        clickOn("#panel-B");
        await("B active", 5, () -> app().active().get() == b);
        clickOn("#no-layers");
        clickOn("#layer-" + bLayer);
        clickOn("#panel-A");
        await("A active", 5, () -> app().active().get() == a);
        clickOn("#no-layers");
        clickOn("#layer-conv1");
        clickOn("#analyze");
        await("both results", 180, () -> a.result().get() != null && b.result().get() != null);
        for (PanelState p : List.of(a, b)) {
            assertEquals(Metric.RECONSTRUCTION_UNCERTAINTY,
                    fx(() -> p.result().get().analysis().request().settings().metric()));
        }
        assertTrue(lookup("#reconstruction-A-conv1").tryQuery().isPresent(), "A's reconstruction");
        assertTrue(lookup("#reconstruction-B-" + bLayer).tryQuery().isPresent(), "B's reconstruction");
        screenshot("19-reconstruction-compare");
    }

    @Test
    void modelWithoutDecodersSaysHowToTrainThemAndMetricOneStillWorks() throws Exception {
        awaitReady();
        PanelState a = app().panelA();
        Path dir = temp.resolve("lenet-without-decoders");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of("assets", "models", "lenet5-mnist"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        fxRun(() -> explorer.actions().openModel(dir));
        await("the copy opened", 60, () -> a.model().get() != null
                && a.model().get().model().dir().endsWith("lenet-without-decoders") && a.prepared().get() != null);

        clickOn("#metric-ru");
        await("a warning beside the choice", 10, () -> lookup("#metric-problem").query().isVisible());
        assertTrue(fx(() -> lookup("#metric-problem").queryLabeled().getTooltip().getText())
                .contains("sieve train-decoders --model " + dir), "its tooltip says how to train them");
        clickOn("#no-layers");
        clickOn("#layer-conv1");
        clickOn("#analyze");
        await("a notification saying how to train decoders", 30, () -> app().messages().stream()
                .anyMatch(m -> m.level() == UserMessage.Level.WARNING
                        && m.text().contains("sieve train-decoders --model " + dir)));
        await("the notification on screen", 10, () -> lookup(".notification-bar").tryQuery().isPresent());
        assertEquals(RunState.Status.IDLE, fx(() -> a.run().status().get()), "nothing started");
        assertEquals(List.of("conv1"), fx(() -> List.copyOf(a.selectedLayers())), "the choices stay");
        screenshot("18-no-decoders");

        clickOn("#metric-discarding");
        await("the warning gone", 5, () -> !lookup("#metric-problem").query().isVisible());
        clickOn("#analyze");
        await("a metric-1 result", 180, () -> a.result().get() != null);
        assertTrue(fx(() -> a.result().get().analysis().discarding().layers().get(0).ok()));
        assertTrue(lookup("#heatmap-A-conv1").tryQuery().isPresent());
    }

    @Test
    void metricChoiceIsRememberedOnRestart() throws Exception {
        awaitReady();
        clickOn("#metric-ru");
        await("metric 2 chosen", 5, () -> app().settings().get().metric() == Metric.RECONSTRUCTION_UNCERTAINTY);
        close();
        launch();
        awaitReady();
        assertEquals(Metric.RECONSTRUCTION_UNCERTAINTY, fx(() -> app().settings().get().metric()));
        ToggleButton ru = lookup("#metric-ru").query();
        assertTrue(fx(ru::isSelected));
        assertFalse(fx(() -> lookup("#metric-problem").query().isVisible()), "LeNet-5 has its decoders");
    }

    /** Variance of the gray level over the middle of a tile, where the image lies below the titles. */
    private static double imageVariance(Image tile) {
        PixelReader r = tile.getPixelReader();
        int w = (int) tile.getWidth();
        int h = (int) tile.getHeight();
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = h / 2; y < h * 9 / 10; y++) {
            for (int x = w * 3 / 10; x < w * 7 / 10; x++) {
                double v = r.getColor(x, y).getBrightness();
                sum += v;
                squares += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    /** The same maps as a metric-1 result, without reconstructions: the sheet it makes has no row for them. */
    private static AnalysisResult asMetricOne(AnalysisResult r) {
        AnalysisRequest q = r.request();
        AnalysisRequest request = new AnalysisRequest(q.model(), q.image(), q.layers(), q.mask(),
                q.settings().toBuilder().metric(Metric.INFORMATION_DISCARDING).build());
        List<LayerResult> layers = r.discarding().layers().stream().map(l -> new LayerResult(l.name(),
                l.outputShape(), l.entropyPerDim(), l.entropyTotal(), l.entropyEnvelope(), l.distortionRatio(),
                l.lambda(), l.converged(), l.saturatedCells(), l.steps(), l.seconds(), l.sigma(), l.entropyMap(),
                null, l.foreground(), l.failure())).toList();
        return new AnalysisResult(request, new DiscardingResult(r.discarding().grid(), layers), 0);
    }

    private boolean drawn(String query) {
        return lookup(query).tryQuery().map(n -> ((ImageView) n).getImage() != null).orElse(false);
    }
}
