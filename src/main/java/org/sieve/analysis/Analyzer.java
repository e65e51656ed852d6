package org.sieve.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.sieve.image.ForegroundMask;
import org.sieve.metrics.AnalysisListener;
import org.sieve.metrics.DiscardingResult;
import org.sieve.metrics.ForegroundViews;
import org.sieve.metrics.InformationDiscarding;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.network.format.DecoderSet;
import org.sieve.network.format.Model;

/**
 * Runs analyses, keeping each model's TensorFlow graphs for the next image. Not thread-safe:
 * one analyser per worker thread.
 */
public final class Analyzer implements AutoCloseable {

    private final Map<String, InformationDiscarding> metrics = new HashMap<>();
    private final Map<String, DecoderSet> decoders = new HashMap<>();

    public AnalysisResult run(AnalysisRequest req, AnalysisListener listener, BooleanSupplier cancelled) {
        Model model = req.model();
        InformationDiscarding metric = metrics.computeIfAbsent(model.sha256(), k -> new InformationDiscarding(
                model.network(), model.metadata().normalizationMean(), model.metadata().normalizationStd()));
        DecoderSet decoders = req.settings().metric() == Metric.RECONSTRUCTION_UNCERTAINTY ? decodersOf(model) : null;
        DiscardingResult result = metric.analyse(req.image().pixels(), req.layers(), req.settings(), decoders,
                listener, cancelled);
        if (req.mask() != null) {
            result = withForeground(result, req.mask());
        }
        return new AnalysisResult(req, result);
    }

    /** The model's decoders, read once per version of its decoder index. */
    private DecoderSet decodersOf(Model model) {
        String key = model.sha256() + "|" + DecoderSet.fingerprint(model);
        DecoderSet set = decoders.get(key);
        if (set == null) {
            set = DecoderSet.load(model);
            decoders.put(key, set);
        }
        return set;
    }

    private static DiscardingResult withForeground(DiscardingResult result, ForegroundMask mask) {
        boolean[] fg = mask.pixels();
        List<LayerResult> layers = new ArrayList<>();
        for (LayerResult l : result.layers()) {
            layers.add(l.ok() ? l.withForeground(ForegroundViews.of(l.entropyMap(), result.grid(), fg)) : l);
        }
        return new DiscardingResult(result.grid(), layers);
    }

    @Override
    public void close() {
        metrics.values().forEach(InformationDiscarding::close);
        metrics.clear();
        decoders.clear();
    }
}
