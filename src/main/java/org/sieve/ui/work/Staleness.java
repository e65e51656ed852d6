package org.sieve.ui.work;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.SettingsResolver;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.PanelState;

/**
 * Keeps what a panel shows honest about what is chosen now. A new model or image drops the run
 * (a job still going is cancelled); other changes (layers, foreground, metric, settings) clear
 * the progress rows of a finished run and mark the result outdated, naming what changed, until
 * Analyze brings it up to date or the change is undone.
 */
public final class Staleness {

    private final PanelState panel;
    private final ObjectProperty<DiscardingSettings> settings;
    private final AnalysisRunner runner;

    public Staleness(PanelState panel, ObjectProperty<DiscardingSettings> settings, AnalysisRunner runner) {
        this.panel = panel;
        this.settings = settings;
        this.runner = runner;
        panel.model().addListener(o -> runner.discard(panel));
        panel.prepared().addListener((o, was, now) -> {
            if (now != null) {
                runner.discard(panel);
            }
        });
        InvalidationListener changed = o -> {
            if (!panel.run().status().get().active()) {
                panel.run().clear();
            }
            update();
        };
        panel.selectedLayers().addListener(changed);
        panel.mask().addListener(changed);
        settings.addListener(changed);
        panel.result().addListener(o -> update());
    }

    private void update() {
        var result = panel.result().get();
        panel.outdated().set(result == null ? "" : String.join(", ", changes(result.analysis().request())));
    }

    /** What differs between the request and the panel's choice now, in the user's words. */
    private List<String> changes(AnalysisRequest r) {
        List<String> changed = new ArrayList<>();
        LoadedModel model = panel.model().get();
        if (model == null || model.model() != r.model() || panel.prepared().get() != r.image()) {
            return List.of("model or image");
        }
        if (!model.inNetworkOrder(panel.selectedLayers()).equals(r.layers())) {
            changed.add("layers");
        }
        if (panel.mask().get() != r.mask()) {
            changed.add("foreground");
        }
        DiscardingSettings now;
        try {
            now = SettingsResolver.resolve(settings.get(), model.metadata(), r.layers().size());
        } catch (SieveException e) {
            changed.add("settings");
            return changed;
        }
        if (now.metric() != r.settings().metric()) {
            changed.add("metric");
        }
        if (!now.toBuilder().metric(r.settings().metric()).build().equals(r.settings())) {
            changed.add("settings");
        }
        return changed;
    }
}
