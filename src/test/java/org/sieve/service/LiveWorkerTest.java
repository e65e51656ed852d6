package org.sieve.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sieve.analysis.LiveFrames;
import org.sieve.image.ImageLoader;
import org.sieve.image.ModelInput;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.model.Model;
import org.sieve.network.format.ModelCatalogue;

/**
 * Live mode's worker on LeNet-5's eight layers: it prepares its graph before any image comes, so
 * the first frame after pen-down costs a frame, not a graph; frames carry what the model reads.
 */
class LiveWorkerTest {

    private static final Object PREPARED = new Object();

    /** A listener that puts every report in {@code reports}, in order. */
    private static LiveWorker.Listener into(BlockingQueue<Object> reports) {
        return new LiveWorker.Listener() {
            @Override
            public void prepared() {
                reports.add(PREPARED);
            }

            @Override
            public void frame(LiveFrames.Frame frame) {
                reports.add(frame);
            }

            @Override
            public void failed(Throwable failure) {
                reports.add(failure);
            }
        };
    }

    @Test
    void theFirstFrameAfterPenDownCostsAFrameNotAGraph() throws Exception {
        Model model = new ModelCatalogue(Path.of("assets", "models"), List.of()).resolve("lenet5-mnist");
        List<String> layers = model.network().analysableLayers().stream().map(l -> l.name()).toList();
        PreparedImage seven = ImageLoader.load(Path.of("sample-images", "mnist", "0-7.png"), new ModelInput(28, 28, 1),
                ResizeMode.STRETCH);
        BlockingQueue<Object> reports = new LinkedBlockingQueue<>();
        long opened = System.nanoTime();
        try (LiveWorker worker = new LiveWorker(model, layers, DiscardingSettings.defaults(), into(reports))) {
            // Nothing offered yet: the worker prepares on its own, as when a model is chosen.
            assertEquals(PREPARED, reports.poll(120, TimeUnit.SECONDS), "prepared before any image");
            double preparation = (System.nanoTime() - opened) / 1e9;
            assertNull(reports.poll(200, TimeUnit.MILLISECONDS), "no frame without an image");

            long penDown = System.nanoTime();
            worker.offer(() -> seven);
            Object first = reports.poll(60, TimeUnit.SECONDS);
            double firstFrame = (System.nanoTime() - penDown) / 1e9;
            assertTrue(first instanceof LiveFrames.Frame, String.valueOf(first));
            LiveFrames.Frame frame = (LiveFrames.Frame) first;
            assertTrue(firstFrame < preparation / 2, "first frame " + firstFrame + " s after pen-down, preparation "
                    + preparation + " s: the graph was not ready");
            assertEquals(layers, frame.result().discarding().layers().stream().map(l -> l.name()).toList());
            assertEquals(seven, frame.result().request().image());
            assertEquals("7", frame.predictions().get(0).label(), "the header reads the frame's image");
            assertEquals(5, frame.predictions().size());
        }
    }

    @Test
    void aModelLiveModeCannotFollowIsReportedNotThrown() throws Exception {
        Model model = new ModelCatalogue(Path.of("assets", "models"), List.of()).resolve("lenet5-mnist");
        BlockingQueue<Object> reports = new LinkedBlockingQueue<>();
        try (LiveWorker worker = new LiveWorker(model, List.of("no-such-layer"), DiscardingSettings.defaults(),
                into(reports))) {
            Object report = reports.poll(60, TimeUnit.SECONDS);
            assertNotNull(report, "no report");
            assertTrue(report instanceof Throwable t && t.getMessage().contains("no-such-layer"), String.valueOf(report));
        }
    }
}
