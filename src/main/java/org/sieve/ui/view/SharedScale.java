package org.sieve.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.sieve.analysis.ResultFiles;
import org.sieve.metrics.LayerResult;
import org.sieve.render.ColourScale;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.PanelState;

/** One colour scale over every heatmap on screen (both panels in compare mode), so colours compare. */
final class SharedScale {

    private final AppModel app;
    private final ObjectProperty<ColourScale> scale = new SimpleObjectProperty<>();

    SharedScale(AppModel app) {
        this.app = app;
        app.panelA().result().addListener(o -> update());
        app.panelB().result().addListener(o -> update());
        app.compare().addListener(o -> update());
        update();
    }

    ObjectProperty<ColourScale> scale() {
        return scale;
    }

    private void update() {
        List<float[][]> maps = new ArrayList<>();
        for (PanelState p : app.panels()) {
            if (p.result().get() != null) {
                for (LayerResult l : p.result().get().analysis().discarding().layers()) {
                    if (l.ok()) {
                        maps.add(l.entropyMap());
                    }
                }
            }
        }
        scale.set(maps.isEmpty() ? null : ColourScale.shared(ResultFiles.ENTROPY_LABEL, maps.toArray(float[][][]::new)));
    }
}
