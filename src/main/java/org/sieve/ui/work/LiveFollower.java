package org.sieve.ui.work;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.util.Duration;
import org.sieve.analysis.LiveFrames;
import org.sieve.image.ImageLoader;
import org.sieve.image.ModelInput;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.Metric;
import org.sieve.model.ModelMetadata;
import org.sieve.service.JobResult;
import org.sieve.service.LiveWorker;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.Prediction;
import org.sieve.ui.model.RunState;
import org.sieve.ui.model.UserMessage;

/**
 * Live mode in the explorer: while the pen moves on the drawing pad or the crop box moves over a
 * photo, the panel's maps and predictions follow it (frames of {@link LiveWorker}, shown as the
 * panel's live result), and when the pen or the box is released the full analysis refines them and
 * takes their place. One live worker at a time, for the active panel's model, layers and settings;
 * it is started as soon as they are chosen, so its graph is ready before the pen touches, and it
 * stays between strokes. Call from the FX thread.
 */
public final class LiveFollower {

    /** Choices settle this long (clicking through layers) before a worker is prepared for them. */
    private static final Duration SETTLE = Duration.millis(400);
    /**
     * Inputs up to this many pixels (digits and clothing at 28x28, the emotion model's 64x64 faces)
     * get their worker ahead of the pen: their frames keep up with it, and their graph is small. A
     * photo model's live graph holds hundreds of megabytes to gigabytes for as long as it is kept,
     * so it is built at the crop box's first drag, not for every choice of model and layers.
     */
    static final int AHEAD_MAX_PIXELS = 64 * 64;

    private final AppModel app;
    private final Consumer<UserMessage> tell;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private LiveWorker live;
    private Key key;
    /** Whether a pen or box is moving now: frames that arrive after it is released are dropped. */
    private boolean following;
    /** The explorer has closed: nothing is prepared any more. */
    private boolean closed;

    /** What a live worker is for; a stroke with another key needs a new one. */
    private record Key(PanelState panel, LoadedModel model, List<String> layers, DiscardingSettings settings) {
    }

    public LiveFollower(AppModel app, Consumer<UserMessage> tell) {
        this.app = app;
        this.tell = tell;
        settle.setOnFinished(e -> prepare());
        InvalidationListener choiceChanged = o -> settle.playFromStart();
        for (PanelState panel : app.panels()) {
            // The full analysis takes over: its result replaces the live maps, and a run that ends
            // without one (failed, cancelled) does not leave them standing as if they were current.
            panel.result().addListener(o -> panel.live().set(null));
            panel.run().status().addListener((o, was, now) -> {
                if (now == RunState.Status.FAILED || now == RunState.Status.CANCELLED) {
                    panel.live().set(null);
                }
            });
            panel.model().addListener(choiceChanged);
            panel.selectedLayers().addListener(choiceChanged);
            panel.predictions().addListener(choiceChanged);
        }
        app.active().addListener(choiceChanged);
        app.settings().addListener(choiceChanged);
        app.liveMaps().addListener(choiceChanged);
    }

    /** Whether live mode can follow this panel now: a model, layers, metric 1. */
    public static boolean possible(PanelState panel, DiscardingSettings settings) {
        return panel.model().get() != null && !panel.selectedLayers().isEmpty()
                && settings.metric() == Metric.INFORMATION_DISCARDING;
    }

    /**
     * Starts a worker for the active panel's choices where a small input makes that worth it, or
     * stops the one there is when live mode is off or the choices changed. A panel still reading
     * what its model predicts comes first (at start, that is what the user waits for): the worker
     * starts once the predictions are there.
     */
    private void prepare() {
        if (closed) {
            return;
        }
        PanelState panel = app.active().get();
        DiscardingSettings settings = app.settings().get();
        if (!app.liveMaps().get() || !possible(panel, settings)) {
            stop();
        } else if (predicting(panel)) {
            return;
        } else if (preparedAhead(panel)) {
            workerFor(panel, settings);
        } else if (!keyFor(panel, settings).equals(key)) {
            // A photo model's worker stays while its choices do (a drag's own frames land here too).
            stop();
        }
    }

    private static boolean preparedAhead(PanelState panel) {
        ModelInput input = panel.model().get().metadata().input();
        return (long) input.height() * input.width() <= AHEAD_MAX_PIXELS;
    }

    private static boolean predicting(PanelState panel) {
        return panel.image().get() != null && panel.model().get().metadata().kind().predicts()
                && panel.predictions().isEmpty();
    }

    private static Key keyFor(PanelState panel, DiscardingSettings settings) {
        return new Key(panel, panel.model().get(), List.copyOf(panel.selectedLayers()), settings);
    }

    private void workerFor(PanelState panel, DiscardingSettings settings) {
        Key wanted = keyFor(panel, settings);
        if (!wanted.equals(key)) {
            stop();
            start(wanted);
        }
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
        workerFor(panel, settings);
        following = true;
        ModelMetadata m = key.model().metadata();
        ResizeMode mode = panel.resizeMode().get();
        live.offer(() -> ImageLoader.fromBufferedImage(pixels, name, m.input(), mode, region));
    }

    /** The pen or box released: no more frames are shown; the worker stays ready for the next stroke. */
    public void release() {
        following = false;
        if (live != null) {
            live.drop();
        }
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
        live = new LiveWorker(k.model().model(), k.layers(), k.settings(), new LiveWorker.Listener() {
            @Override
            public void frame(LiveFrames.Frame frame) {
                JobResult shown = new JobResult(frame.result(), Set.of(), frame.result().seconds(),
                        frame.result().seconds());
                List<Prediction> read = frame.predictions().stream()
                        .map(p -> new Prediction(p.label(), p.probability())).toList();
                Platform.runLater(() -> {
                    if (k.equals(key) && following) {
                        panel.live().set(shown);
                        if (!read.isEmpty()) {
                            panel.predictions().setAll(read);
                        }
                    }
                });
            }

            @Override
            public void failed(Throwable failure) {
                // A worker prepared ahead of the pen fails quietly; the pen's own worker says why.
                Platform.runLater(() -> {
                    if (k.equals(key)) {
                        if (following) {
                            tell.accept(Errors.message("Live mode stopped", failure));
                        }
                        stop();
                    }
                });
            }
        });
    }

    /** Stops the worker: the frame in progress finishes in the background and is dropped. */
    public void stop() {
        LiveWorker stopping = live;
        live = null;
        key = null;
        following = false;
        if (stopping != null) {
            Thread closer = new Thread(stopping::close, "sieve-live-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    /** The explorer closes: the worker stops and no other is prepared, so its thread and graph go too. */
    public void close() {
        closed = true;
        settle.stop();
        stop();
    }
}
