package org.sieve.ui.work;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.sieve.analysis.LiveAnalysis;
import org.sieve.image.ImageLoader;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.Metric;
import org.sieve.model.ModelMetadata;
import org.sieve.service.JobResult;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunState;
import org.sieve.ui.model.UserMessage;

/**
 * Live mode in the explorer: while the pen moves on the drawing pad or the crop box moves over a
 * photo, the panel's maps follow it (frames of {@link LiveAnalysis}, shown as the panel's live
 * result), and when the pen or the box is released the full analysis refines them and takes
 * their place. One live analysis at a time, for the panel,
 * model, layers and settings of the latest stroke; a change of any of them starts a new one.
 * Call from the FX thread.
 */
public final class LiveFollower {

    private final Consumer<UserMessage> tell;
    private LiveAnalysis live;
    private Key key;

    /** What a live analysis is for; a stroke with another key needs a new one. */
    private record Key(PanelState panel, LoadedModel model, List<String> layers, DiscardingSettings settings) {
    }

    public LiveFollower(List<PanelState> panels, Consumer<UserMessage> tell) {
        this.tell = tell;
        for (PanelState panel : panels) {
            // The full analysis takes over: its result replaces the live maps, and a run that ends
            // without one (failed, cancelled) does not leave them standing as if they were current.
            panel.result().addListener(o -> panel.live().set(null));
            panel.run().status().addListener((o, was, now) -> {
                if (now == RunState.Status.FAILED || now == RunState.Status.CANCELLED) {
                    panel.live().set(null);
                }
            });
        }
    }

    /** Whether live mode can follow this panel now: a model, layers, metric 1. */
    public static boolean possible(PanelState panel, DiscardingSettings settings) {
        return panel.model().get() != null && !panel.selectedLayers().isEmpty()
                && settings.metric() == Metric.INFORMATION_DISCARDING;
    }

    /**
     * The picture as it is now, for the panel's maps to follow: the drawing, or {@code region} of
     * a photo (null: all of it) while the crop box moves. Prepared for the model on the live thread
     * as the full analysis will prepare it; nothing may change {@code pixels} afterwards.
     */
    public void follow(PanelState panel, BufferedImage pixels, String name, RequestedRegion region,
            DiscardingSettings settings) {
        if (!possible(panel, settings)) {
            return;
        }
        Key wanted = new Key(panel, panel.model().get(), List.copyOf(panel.selectedLayers()), settings);
        if (!wanted.equals(key)) {
            stop();
            start(wanted);
        }
        ModelMetadata m = wanted.model().metadata();
        ResizeMode mode = panel.resizeMode().get();
        live.offer(() -> ImageLoader.fromBufferedImage(pixels, name, m.input(), mode, region));
    }

    /** A new drawing: the next frame starts from scratch rather than from the last stroke's maps. */
    public void newDrawing() {
        if (live != null) {
            live.restart();
        }
    }

    private void start(Key k) {
        key = k;
        PanelState panel = k.panel();
        LiveAnalysis started = new LiveAnalysis(k.model().model(), k.layers(), k.settings(), frame -> {
            JobResult shown = new JobResult(frame, Set.of(), frame.seconds(), frame.seconds());
            Platform.runLater(() -> {
                if (k.equals(key)) {
                    panel.live().set(shown);
                }
            });
        }, failure -> Platform.runLater(() -> {
            if (k.equals(key)) {
                tell.accept(Errors.message("Live mode stopped", failure));
                stop();
            }
        }));
        live = started;
    }

    /** Stops following: the frame in progress finishes in the background and is dropped. */
    public void stop() {
        LiveAnalysis stopping = live;
        live = null;
        key = null;
        if (stopping != null) {
            Thread closer = new Thread(stopping::close, "sieve-live-close");
            closer.setDaemon(true);
            closer.start();
        }
    }
}
