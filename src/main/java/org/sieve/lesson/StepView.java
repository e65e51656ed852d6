package org.sieve.lesson;

import java.util.List;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.report.MapStyle;

/**
 * What a step analyses and how its maps are drawn.
 *
 * @param layout   one panel, or two compared panels and what they share
 * @param panels   one panel, or two for a comparison
 * @param settings the analysis settings (metric 1 or 2 among them); what the file leaves out is
 *                 the default
 * @param style    colour map, opacity and colour range of the maps
 */
public record StepView(Layout layout, List<PanelView> panels, DiscardingSettings settings, MapStyle style) {

    public StepView {
        panels = List.copyOf(panels);
    }
}
