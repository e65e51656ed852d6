package org.sieve.analysis;

import java.util.List;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.InformationDiscarding;
import org.sieve.metrics.LiveDiscarding;
import org.sieve.model.Model;

/**
 * Live mode's frames for one model, layers and settings, on an engine of their own: each frame is
 * the approximate maps of {@link LiveDiscarding} and, for a model that predicts, what it reads in
 * the same image, so the maps and the header change together. Building the graph and its first
 * run take seconds; {@link #prepare()} does both before the pen touches. Not thread-safe: one
 * caller drives it (the service's live worker, or a test).
 */
public final class LiveFrames implements AutoCloseable {

    /** Predictions per frame, as many as the explorer's header and details show. */
    static final int TOP = 5;
    /**
     * Noise draws per step in a frame, at most: a step's cost grows with its draws, and half the
     * default's halves a photo model's frame (measured in docs/performance.md) while the frames'
     * warm start averages the noisier steps out; the full analysis on release uses the chosen draws.
     */
    public static final int DRAWS = 4;

    /** One frame: the maps with the image and settings they were computed for, and the model's reading. */
    public record Frame(AnalysisResult result, List<Classifier.Prediction> predictions) {
    }

    private final Model model;
    private final List<String> layers;
    private final DiscardingSettings settings;
    private final InformationDiscarding engine;
    private final Classifier classifier;
    private LiveDiscarding live;

    public LiveFrames(Model model, List<String> layers, DiscardingSettings settings) {
        this.model = model;
        this.layers = List.copyOf(layers);
        this.settings = settings.draws() <= DRAWS ? settings : settings.toBuilder().draws(DRAWS).build();
        this.engine = new InformationDiscarding(model.network(), model.metadata().normalizationMean(),
                model.metadata().normalizationStd());
        this.classifier = model.metadata().kind().predicts() ? new Classifier(model) : null;
    }

    /**
     * Builds the graph and runs it once on a blank input, so that TensorFlow's one-off work
     * (graph optimisation, kernel choice, buffers) is done before the first real frame.
     */
    public void prepare() {
        if (live != null) {
            return;
        }
        live = engine.live(layers, settings);
        var input = model.network().input();
        float[] blank = new float[input.height() * input.width() * input.channels()];
        live.frame(blank);
        if (classifier != null) {
            classifier.top(blank, TOP);
        }
        live.restart();
    }

    /** The next frame starts from sigma0 again: the image is a new one, not the last one changed. */
    public void restart() {
        if (live != null) {
            live.restart();
        }
    }

    /** One frame for {@code image}, prepared for this model; prepares first if that has not happened. */
    public Frame frame(PreparedImage image) {
        prepare();
        var discarding = live.frame(image.pixels());
        List<Classifier.Prediction> read = classifier == null ? List.of() : classifier.top(image.pixels(), TOP);
        return new Frame(new AnalysisResult(new AnalysisRequest(model, image, layers, null, settings), discarding,
                discarding.layers().get(0).seconds()), read);
    }

    @Override
    public void close() {
        if (classifier != null) {
            classifier.close();
        }
        engine.close();
    }
}
