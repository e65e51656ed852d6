package org.sieve.ui.work;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.SettingsResolver;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.StepCost;
import org.sieve.model.Model;
import org.sieve.service.JobResult;
import org.sieve.tf.MatMulPeak;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunEstimate;
import org.sieve.ui.model.StepRecord;

/**
 * Expected times of analyses before they start: the step's arithmetic ({@link StepCost}) at the
 * rate the model's last run reached on this computer, times the steps its slowest layer needed
 * then (as a share of the budget). Before a model's first run: this computer's matrix-product
 * rate (measured once, in a fraction of a second) at the lowest share of it a bundled model's
 * step reached, and half the budget, where the bundled models' layers stop (63 to 98 of 200).
 * Keeps every panel's {@link PanelState#estimate()} up to date and learns from each fresh result.
 */
public final class RunTimes {

    /** LeNet-5's and MobileNetV2's steps run at 7 to 8 % of the matrix product's rate (docs/performance.md). */
    static final double SHARE_OF_PEAK = 0.07;
    /** The bundled models' layers stop at 63 to 98 of 200 steps (docs/performance-engine.md). */
    static final double USUAL_STEP_SHARE = 0.5;

    private final AppModel app;
    private final Background background;
    /** Costs by model and draws: reading a model's layer shapes builds a TensorFlow graph. */
    private final Map<String, StepCost> costs = new ConcurrentHashMap<>();
    private final Map<PanelState, Integer> asked = new HashMap<>();
    private volatile double peak = Double.NaN;

    public RunTimes(AppModel app, Background background) {
        this.app = app;
        this.background = background;
        for (PanelState panel : List.of(app.panelA(), app.panelB())) {
            InvalidationListener changed = o -> refresh(panel);
            panel.model().addListener(changed);
            panel.selectedLayers().addListener(changed);
            app.settings().addListener(changed);
            app.stepRecords().addListener((javafx.collections.MapChangeListener<String, StepRecord>) c -> refresh(panel));
            panel.result().addListener((o, was, now) -> learn(now));
        }
    }

    /**
     * The expected time of analysing the panel's chosen layers under {@code settings}, handed to
     * {@code done} on the FX thread (null where nothing can run: no model or layer, settings refused).
     */
    public void estimate(PanelState panel, DiscardingSettings settings, Consumer<RunEstimate> done) {
        LoadedModel model = panel.model().get();
        List<String> layers = model == null ? List.of() : model.inNetworkOrder(panel.selectedLayers());
        if (layers.isEmpty()) {
            done.accept(null);
            return;
        }
        StepRecord known = app.stepRecords().get(model.id());
        background.run(() -> expected(model.model(), layers, settings, known != null && known.usable() ? known : null),
                done, failure -> done.accept(null));
    }

    private void refresh(PanelState panel) {
        int ask = asked.merge(panel, 1, Integer::sum);
        estimate(panel, app.settings().get(), e -> {
            if (asked.get(panel) == ask) {
                panel.estimate().set(e);
            }
        });
    }

    private RunEstimate expected(Model model, List<String> layers, DiscardingSettings settings, StepRecord known) {
        DiscardingSettings effective;
        try {
            effective = SettingsResolver.resolve(settings, model.metadata(), layers.size());
        } catch (SieveException e) {
            return null;
        }
        double flops = cost(model, effective.draws()).flops(layers);
        double rate = known != null ? known.flopsPerSecond() : peak() * SHARE_OF_PEAK;
        double share = known != null ? known.stepShare() : USUAL_STEP_SHARE;
        int steps = (int) Math.max(1, Math.round(share * effective.maxSteps()));
        return new RunEstimate(flops / rate * steps, steps, known != null);
    }

    /** A fresh result (not all from the cache) tells what a step of this model costs here and how many it needs. */
    private void learn(JobResult result) {
        if (result == null || result.optimisationSeconds() <= 0) {
            return;
        }
        AnalysisRequest request = result.analysis().request();
        List<LayerResult> ran = result.analysis().discarding().layers().stream()
                .filter(l -> l.ok() && !result.cachedLayers().contains(l.name())).toList();
        if (ran.isEmpty()) {
            return;
        }
        int steps = ran.stream().mapToInt(LayerResult::steps).max().orElse(0);
        List<String> names = ran.stream().map(LayerResult::name).toList();
        background.run(() -> new StepRecord(cost(request.model(), request.settings().draws()).flops(names)
                        * (double) steps / result.optimisationSeconds(),
                        steps / (double) request.settings().maxSteps()),
                record -> {
                    if (record.usable()) {
                        app.stepRecords().put(request.model().id(), record);
                    }
                });
    }

    private StepCost cost(Model model, int draws) {
        return costs.computeIfAbsent(System.identityHashCode(model) + "/" + model.id() + "/" + draws,
                k -> StepCost.of(model.network(), draws));
    }

    private double peak() {
        if (Double.isNaN(peak)) {
            peak = MatMulPeak.flopsPerSecond();
        }
        return peak;
    }
}
