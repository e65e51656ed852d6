package org.sieve.ui.view;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.sieve.report.MapScales;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.PanelState;

/**
 * The colour scales of every map on screen (both panels in compare mode) under the chosen colour
 * range: shared, so colours compare (one per metric, as entropy and reconstruction uncertainty are
 * different quantities), or one per layer.
 */
final class SharedScale {

    private final AppModel app;
    private final ObjectProperty<MapScales> scales = new SimpleObjectProperty<>();

    SharedScale(AppModel app) {
        this.app = app;
        app.panelA().result().addListener(o -> update());
        app.panelB().result().addListener(o -> update());
        app.compare().addListener(o -> update());
        app.colourRange().addListener(o -> update());
        update();
    }

    /** Changes whenever a scale does. */
    ObjectProperty<MapScales> scales() {
        return scales;
    }

    private void update() {
        scales.set(MapScales.of(app.panels().stream().map(PanelState::result).filter(r -> r.get() != null)
                .map(r -> r.get().analysis()).toList(), app.colourRange().get()));
    }
}
