package org.sieve.analysis;

import java.util.List;
import org.sieve.image.ForegroundMask;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.model.Model;

/** What to analyse: a model, a prepared image, layers, an optional foreground mask, and settings. */
public record AnalysisRequest(Model model, PreparedImage image, List<String> layers, ForegroundMask mask,
        DiscardingSettings settings) {

    public AnalysisRequest {
        layers = List.copyOf(layers);
    }
}
