package org.sieve.service;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sieve.analysis.LiveFrames;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.model.Model;

/**
 * Live mode's worker: {@link LiveFrames} for the latest image offered, on a thread of its own, so
 * frames never wait behind (or hold up) the analysis queue. It prepares the frames' graph as soon
 * as it starts, which is when a model is chosen, so the first frame after pen-down costs one frame.
 * Images offered while a frame runs replace each other: the next frame takes the newest, which is
 * what a moving pen or crop box needs. Images are prepared on the live thread too, so a big
 * photo's crop never holds up the caller. The explorer's drawing pad and crop box and
 * {@code sieve bench --live} drive it.
 */
public final class LiveWorker implements AutoCloseable {

    /** What the worker reports, on its own thread. */
    public interface Listener {
        /** The graph is built and has run once: a frame now costs one frame. */
        default void prepared() {
        }

        /** A frame, with the image it was computed on. */
        void frame(LiveFrames.Frame frame);

        /** Why live mode stopped; no frames follow. */
        void failed(Throwable failure);
    }

    private final Model model;
    private final List<String> layers;
    private final DiscardingSettings settings;
    private final Listener listener;
    private final Thread thread;
    private Supplier<PreparedImage> pending;
    private boolean restart;
    private boolean closed;

    public LiveWorker(Model model, List<String> layers, DiscardingSettings settings, Listener listener) {
        this.model = model;
        this.layers = List.copyOf(layers);
        this.settings = settings;
        this.listener = listener;
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

    /** Drops an image offered but not yet started (the pen lifted: no more frames are wanted). */
    public synchronized void drop() {
        pending = null;
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

    private synchronized boolean closed() {
        return closed;
    }

    private void work() {
        try (LiveFrames frames = new LiveFrames(model, layers, settings)) {
            frames.prepare();
            if (closed()) {
                return;
            }
            listener.prepared();
            for (Supplier<PreparedImage> offered = next(); offered != null; offered = next()) {
                PreparedImage image = offered.get();
                if (takeRestart()) {
                    frames.restart();
                }
                listener.frame(frames.frame(image));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | OutOfMemoryError e) {
            listener.failed(e);
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
