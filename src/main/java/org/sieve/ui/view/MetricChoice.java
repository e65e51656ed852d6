package org.sieve.ui.view;

import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.sieve.metrics.Metric;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.work.DecoderCheck;

/**
 * Beside Analyze: what the next analysis of every panel measures, information discarding (metric
 * 1) or reconstruction uncertainty (metric 2). Metric 2 needs the model's decoders; when the active
 * panel's model has none, a warning says how to train them (Analyze says so too, per panel).
 */
public final class MetricChoice extends HBox {

    private final AppModel app;
    private final ToggleGroup group = new ToggleGroup();
    private final Label problem = new Label("No decoders", Fx.icon(MaterialDesignA.ALERT_OUTLINE));

    public MetricChoice(AppModel app) {
        this.app = app;
        setAlignment(Pos.CENTER_LEFT);
        ToggleButton discarding = choice(Metric.INFORMATION_DISCARDING, "metric-discarding", "left-pill",
                "Metric 1 (Ma et al., ICML 2022): the entropy of the largest noise each region of the input takes"
                        + " while the layer's features stay within tau of the original. For every panel.");
        ToggleButton ru = choice(Metric.RECONSTRUCTION_UNCERTAINTY, "metric-ru", "right-pill",
                "Metric 2: how uncertain the input is when a decoder rebuilds it from the layer's features,"
                        + " with each layer's reconstruction of the input shown under its map. Needs the model's"
                        + " decoders (sieve train-decoders). For every panel.");
        problem.setId("metric-problem");
        problem.getStyleClass().add("problem");
        problem.managedProperty().bind(problem.visibleProperty());
        HBox.setMargin(problem, new javafx.geometry.Insets(0, 0, 0, 8));
        getChildren().addAll(discarding, ru, problem);

        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                group.selectToggle(was);
            } else if (now.getUserData() != app.settings().get().metric()) {
                app.settings().set(app.settings().get().toBuilder().metric((Metric) now.getUserData()).build());
            }
        });
        InvalidationListener refresh = o -> show();
        app.settings().addListener(refresh);
        app.active().addListener((o, was, now) -> {
            was.model().removeListener(refresh);
            now.model().addListener(refresh);
            show();
        });
        app.active().get().model().addListener(refresh);
        show();
    }

    private ToggleButton choice(Metric metric, String id, String pill, String tip) {
        ToggleButton b = new ToggleButton(metric.title());
        b.setId(id);
        b.getStyleClass().add(pill);
        b.setUserData(metric);
        b.setToggleGroup(group);
        b.setTooltip(Fx.tip(tip));
        return b;
    }

    private void show() {
        Metric metric = app.settings().get().metric();
        group.getToggles().stream().filter(t -> t.getUserData() == metric).findFirst().ifPresent(group::selectToggle);
        LoadedModel model = app.active().get().model().get();
        String why = metric == Metric.RECONSTRUCTION_UNCERTAINTY && model != null
                ? DecoderCheck.problem(model.model()) : null;
        problem.setVisible(why != null);
        problem.setTooltip(why == null ? null : Fx.tip(why));
    }
}
