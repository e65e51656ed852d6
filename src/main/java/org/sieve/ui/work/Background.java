package org.sieve.ui.work;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The explorer's one thread for quick work that must not block the window: reading models and
 * images, building layer shapes, predicting. Results are handed back on the FX thread. Analyses
 * go to the analysis service instead.
 */
public final class Background implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sieve-ui-loader");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<Throwable> failures;

    /** @param failures receives, on the FX thread, every failure without its own handler */
    public Background(Consumer<Throwable> failures) {
        this.failures = failures;
    }

    /** Runs work in the background, then {@code done} on the FX thread; failures go to the default handler. */
    public <T> void run(Callable<T> work, Consumer<T> done) {
        run(work, done, failures);
    }

    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        thread.execute(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> done.accept(value));
            } catch (Throwable t) {
                Platform.runLater(() -> failed.accept(t));
            }
        });
    }

    /** Background work with nothing to hand back. */
    public void execute(Runnable work) {
        thread.execute(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                Platform.runLater(() -> failures.accept(t));
            }
        });
    }

    /** Lets queued work finish (at most two seconds), then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
