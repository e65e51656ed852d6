package org.sieve.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.analysis.AnalysisResult;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.render.ColourScale;

/**
 * The colour scale of every map shown together (the panels on screen, or on a sheet) under one
 * {@link ColourRange}: shared, one per metric over every successful layer, so maps of one quantity
 * compare by colour (entropy and reconstruction uncertainty never share one); or one per layer.
 */
public final class MapScales {

    private final ColourRange range;
    private final Map<Metric, ColourScale> shared;
    private final Map<LayerResult, ColourScale> perLayer;

    private MapScales(ColourRange range, Map<Metric, ColourScale> shared, Map<LayerResult, ColourScale> perLayer) {
        this.range = range;
        this.shared = shared;
        this.perLayer = perLayer;
    }

    public static MapScales of(List<AnalysisResult> results, ColourRange range) {
        Map<Metric, List<float[][]>> maps = new EnumMap<>(Metric.class);
        Map<LayerResult, ColourScale> perLayer = new IdentityHashMap<>();
        for (AnalysisResult r : results) {
            Metric metric = r.request().settings().metric();
            for (LayerResult l : r.discarding().layers()) {
                if (l.ok()) {
                    maps.computeIfAbsent(metric, m -> new ArrayList<>()).add(l.entropyMap());
                    if (range.scope() == ColourRange.Scope.PER_LAYER) {
                        perLayer.put(l, range.scale(metric.mapLabel(), l.entropyMap()));
                    }
                }
            }
        }
        Map<Metric, ColourScale> shared = new EnumMap<>(Metric.class);
        if (range.scope() == ColourRange.Scope.SHARED) {
            maps.forEach((m, list) -> shared.put(m, range.scale(m.mapLabel(), list.toArray(float[][][]::new))));
        }
        return new MapScales(range, shared, perLayer);
    }

    public ColourRange range() {
        return range;
    }

    /** Whether each map has a scale (and colour bar) of its own. */
    public boolean perLayer() {
        return range.scope() == ColourRange.Scope.PER_LAYER;
    }

    /** The scale the result's maps share, or null per layer or where no layer of its metric has a map. */
    public ColourScale shared(AnalysisResult result) {
        return shared.get(result.request().settings().metric());
    }

    /** The scale of one layer's map, or null when it has none. */
    public ColourScale of(AnalysisResult result, LayerResult layer) {
        return perLayer() ? perLayer.get(layer) : shared(result);
    }

    /** The shared scales, one per metric shown; empty per layer. */
    public Collection<ColourScale> sharedScales() {
        return shared.values();
    }

    /** Whether some map shown has cells beyond its range, drawn hatched. */
    public boolean clips() {
        return (perLayer() ? perLayer.values() : shared.values()).stream()
                .anyMatch(s -> s.clipsLow() || s.clipsHigh());
    }
}
