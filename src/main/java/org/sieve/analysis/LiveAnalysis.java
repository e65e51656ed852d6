package org.sieve.analysis;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.InformationDiscarding;
import org.sieve.metrics.LiveDiscarding;
import org.sieve.model.Model;

/**
 * Live mode's worker: frames of {@link LiveDiscarding} for the latest image offered, on a thread
 * of its own with an engine of its own, so it never waits behind (or holds up) the analysis
 * queue. Images offered while a frame runs replace each other: the next frame takes the newest,
 * which is what a moving pen or crop box needs. Images are prepared on the live thread too, so
 * a big photo's crop never holds up the caller. The explorer's drawing pad and crop box and
 * {@code sieve bench --live} drive it.
 */
public final class LiveAnalysis implements AutoCloseable {

    private final Model model;
    private final List<String> layers;
    private final DiscardingSettings settings;
    private final Consumer<AnalysisResult> onFrame;
    private final Consumer<Throwable> onFailure;
    private final Thread thread;
    private Supplier<PreparedImage> pending;
    private boolean restart;
    private boolean closed;

    /**
     * @param onFrame   each frame's approximate result with the image it was computed on, on the
     *                  live thread
     * @param onFailure why live mode stopped, on the live thread; no frames follow
     */
    public LiveAnalysis(Model model, List<String> layers, DiscardingSettings settings,
            Consumer<AnalysisResult> onFrame, Consumer<Throwable> onFailure) {
        this.model = model;
        this.layers = List.copyOf(layers);
        this.settings = settings;
        this.onFrame = onFrame;
        this.onFailure = onFailure;
        this.thread = new Thread(this::work, "sieve-live");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The image to follow next, prepared for the model when its frame starts; replaces one not yet
     * started. A preparation that fails stops live mode like a failed frame.
     */
    public synchronized void offer(Supplier<PreparedImage> image) {
        pending = image;
        notifyAll();
    }

    /** The next frame starts from sigma0 again: the image is a new one, not the last one changed. */
    public synchronized void restart() {
        restart = true;
    }

    private synchronized Supplier<PreparedImage> next() throws InterruptedException {
        while (pending == null && !closed) {
            wait();
        }
        Supplier<PreparedImage> image = pending;
        pending = null;
        return image;
    }

    private synchronized boolean takeRestart() {
        boolean r = restart;
        restart = false;
        return r;
    }

    private void work() {
        try (InformationDiscarding engine = new InformationDiscarding(model.network(),
                model.metadata().normalizationMean(), model.metadata().normalizationStd())) {
            LiveDiscarding live = engine.live(layers, settings);
            for (Supplier<PreparedImage> offered = next(); offered != null; offered = next()) {
                PreparedImage image = offered.get();
                if (takeRestart()) {
                    live.restart();
                }
                var frame = live.frame(image.pixels());
                onFrame.accept(new AnalysisResult(new AnalysisRequest(model, image, layers, null, settings), frame,
                        frame.layers().get(0).seconds()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | OutOfMemoryError e) {
            onFailure.accept(e);
        }
    }

    /** Stops after the frame in progress and frees the engine; waits for the thread. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            pending = null;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
