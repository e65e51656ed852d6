package org.sieve.ui.view;

import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.sieve.analysis.AnalysisResult;
import org.sieve.metrics.Metric;
import org.sieve.render.ColourScale;
import org.sieve.report.ComparisonSheet;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.PanelState;

/**
 * One colour scale over every heatmap on screen (both panels in compare mode), so colours compare;
 * one per metric, as entropy and reconstruction uncertainty are different quantities.
 */
final class SharedScale {

    private final AppModel app;
    private final ObjectProperty<Map<Metric, ColourScale>> scales = new SimpleObjectProperty<>(Map.of());

    SharedScale(AppModel app) {
        this.app = app;
        app.panelA().result().addListener(o -> update());
        app.panelB().result().addListener(o -> update());
        app.compare().addListener(o -> update());
        update();
    }

    /** Changes whenever a scale does. */
    ObjectProperty<Map<Metric, ColourScale>> scales() {
        return scales;
    }

    /** The scale for a result's maps, or null when no layer of its metric has a map. */
    ColourScale of(AnalysisResult result) {
        return scales.get().get(result.request().settings().metric());
    }

    private void update() {
        scales.set(ComparisonSheet.sharedScales(app.panels().stream().map(PanelState::result)
                .filter(r -> r.get() != null).map(r -> r.get().analysis()).toList()));
    }
}
