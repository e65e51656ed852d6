package org.sieve.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.AnalysisResult;
import org.sieve.analysis.Analyzer;
import org.sieve.metrics.DiscardingResult;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.LayerViews;
import org.sieve.metrics.SigmaGrid;

/**
 * One job on a worker: answers what it can from the cache, computes only the missing layers (the
 * engine optimises them jointly), stores them, and merges everything into one result.
 */
final class JobRunner {

    private final ResultCache cache;

    /** @param cache null to compute everything */
    JobRunner(ResultCache cache) {
        this.cache = cache;
    }

    JobResult run(JobHandle job, Analyzer analyzer) {
        long jobStart = System.nanoTime();
        AnalysisRequest req = job.request();
        List<String> layers = req.model().network().inOrder(req.layers());
        CacheKeys keys = cache == null ? null : CacheKeys.of(req);
        Map<String, LayerResult> results = new HashMap<>();
        SigmaGrid grid = null;
        for (String name : layers) {
            Optional<CachedLayer> hit = keys == null ? Optional.empty() : cache.get(keys.forLayer(name));
            if (hit.isPresent()) {
                results.put(name, hit.get().layer());
                grid = hit.get().grid();
            }
        }
        Set<String> cached = Set.copyOf(results.keySet());
        job.emit(new JobEvent.Started(layers, cached, req.settings().maxSteps()));
        List<String> missing = layers.stream().filter(l -> !cached.contains(l)).toList();
        double engineSeconds = 0;
        double optimisationSeconds = 0;
        // An empty request goes to the engine too, which answers with the valid layer names.
        if (!missing.isEmpty() || layers.isEmpty()) {
            EventBridge bridge = new EventBridge(job);
            long start = System.nanoTime();
            DiscardingResult computed = analyzer.run(new AnalysisRequest(req.model(), req.image(), missing, null,
                    req.settings()), bridge, job::isCancelled).discarding();
            engineSeconds = (System.nanoTime() - start) / 1e9;
            optimisationSeconds = bridge.optimisationSeconds();
            grid = computed.grid();
            computed.layers().forEach(l -> results.put(l.name(), l));
            store(job, keys, computed);
        }
        DiscardingResult merged = LayerViews.of(grid, layers.stream().map(results::get).toList(),
                req.mask() == null ? null : req.mask().pixels());
        merged.layers().forEach(l -> job.emit(new JobEvent.LayerFinished(l, cached.contains(l.name()))));
        return new JobResult(new AnalysisResult(req, merged, (System.nanoTime() - jobStart) / 1e9), cached, engineSeconds, optimisationSeconds);
    }

    /** Failed layers are not stored: the next request retries them. A cache that cannot be written only warns. */
    private void store(JobHandle job, CacheKeys keys, DiscardingResult computed) {
        if (keys == null) {
            return;
        }
        try {
            for (LayerResult l : computed.layers()) {
                if (l.ok()) {
                    cache.put(keys.forLayer(l.name()), new CachedLayer(l, computed.grid()));
                }
            }
        } catch (SieveException e) {
            job.emit(new JobEvent.Warning("The results were not cached: " + e.getMessage()));
        }
    }
}
