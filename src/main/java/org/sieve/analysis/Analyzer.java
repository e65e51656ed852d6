package org.sieve.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.DiscardingResult;
import org.sieve.metrics.Decoders;
import org.sieve.metrics.InformationDiscarding;
import org.sieve.metrics.LayerViews;
import org.sieve.metrics.Metric;
import org.sieve.model.Model;
import org.sieve.model.DecoderSet;
import org.sieve.network.format.DecoderIndex;

/**
 * Runs analyses, keeping each model's TensorFlow graphs for the next image. Not thread-safe:
 * one analyser per worker thread.
 */
public final class Analyzer implements AutoCloseable {

    private final Map<String, InformationDiscarding> metrics = new HashMap<>();
    private final Map<String, DecoderSet> decoders = new HashMap<>();

    public AnalysisResult run(AnalysisRequest req, AnalysisListener listener, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        Model model = req.model();
        InformationDiscarding metric = metrics.computeIfAbsent(model.sha256(), k -> new InformationDiscarding(
                model.network(), model.metadata().normalizationMean(), model.metadata().normalizationStd()));
        Decoders decoders = req.settings().metric() == Metric.RECONSTRUCTION_UNCERTAINTY
                ? decodersOf(model, req.layers()) : null;
        DiscardingResult result = metric.analyse(req.image().pixels(), req.layers(), req.settings(), decoders,
                listener, cancelled);
        if (req.mask() != null) {
            result = LayerViews.of(result.grid(), result.layers(), req.mask().pixels());
        }
        return new AnalysisResult(req, result, (System.nanoTime() - start) / 1e9);
    }

    /** The model's decoders, read once per version of its decoder index; names layers without one. */
    private Decoders decodersOf(Model model, List<String> layers) {
        String key = model.sha256() + "|" + DecoderIndex.fingerprint(model);
        return engineDecoders(decoders.computeIfAbsent(key, k -> DecoderIndex.load(model)), layers);
    }

    /** A model's decoders as the engine takes them, after checking that every layer has one. */
    public static Decoders engineDecoders(DecoderSet set, List<String> layers) {
        set.forLayers(layers);
        return new Decoders(set.sha256(), set.networks());
    }

    @Override
    public void close() {
        metrics.values().forEach(InformationDiscarding::close);
        metrics.clear();
        decoders.clear();
    }
}
