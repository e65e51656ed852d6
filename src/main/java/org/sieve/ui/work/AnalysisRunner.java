package org.sieve.ui.work;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.sieve.SieveException;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.SettingsResolver;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.network.format.DecoderIndex;
import org.sieve.service.AnalysisService;
import org.sieve.service.JobHandle;
import org.sieve.service.JobResult;
import org.sieve.service.Priority;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunEstimate;
import org.sieve.ui.model.RunState;
import org.sieve.ui.model.UserMessage;

/**
 * Starts and cancels panels' analyses on the analysis service and puts their progress and
 * results into the panels. Call from the FX thread.
 */
public final class AnalysisRunner implements AutoCloseable {

    private final AnalysisService service;
    private final Consumer<UserMessage> tell;
    private final Map<PanelState, JobHandle> jobs = new HashMap<>();

    public AnalysisRunner(AnalysisService service, Consumer<UserMessage> tell) {
        this.service = service;
        this.tell = tell;
    }

    /** The service the analyses go to, for work of the explorer's own (lessons prepared in the background). */
    public AnalysisService service() {
        return service;
    }

    /** Analyses the panel's chosen layers; a run already going on in that panel is cancelled first. */
    public boolean start(PanelState panel, DiscardingSettings settings) {
        LoadedModel model = panel.model().get();
        PreparedImage image = panel.prepared().get();
        if (model == null || image == null) {
            tell.accept(UserMessage.warning("Not ready", "Panel " + panel.id()
                    + " is still reading its model or image; try again in a moment."));
            return false;
        }
        List<String> layers = model.inNetworkOrder(panel.selectedLayers());
        if (layers.isEmpty()) {
            tell.accept(UserMessage.warning("No layer chosen", "Choose at least one layer of " + model.name()
                    + " in the layer list, e.g. with \"Convolutions\"."));
            return false;
        }
        if (settings.metric() == Metric.RECONSTRUCTION_UNCERTAINTY) {
            String problem = DecoderCheck.problem(model.model());
            if (problem != null) {
                tell.accept(UserMessage.warning("No decoders for " + model.name(), problem));
                return false;
            }
            String mixed = DecoderIndex.mixedDesigns(model.model(), layers);
            if (mixed != null) {
                tell.accept(UserMessage.warning("Decoders of different designs", mixed));
            }
        }
        DiscardingSettings effective;
        try {
            effective = SettingsResolver.resolve(settings, model.metadata(), layers.size());
        } catch (SieveException e) {
            tell.accept(UserMessage.error("Settings", e.getMessage()));
            return false;
        }
        cancel(panel);
        RunState run = panel.run();
        // Progress and time left count towards the usual steps, not the budget most runs stop well short of.
        RunEstimate expected = panel.estimate().get();
        run.reset(layers, settings.metric(), expected == null ? effective.maxSteps() : expected.steps());
        EventPump pump = new EventPump(run, tell);
        AnalysisRequest request = new AnalysisRequest(model.model(), image, layers, panel.mask().get(), effective);
        JobHandle job = service.submit(request, Priority.INTERACTIVE, pump);
        jobs.put(panel, job);
        job.result().whenComplete((result, failure) -> Platform.runLater(() -> {
            pump.drain();
            run.seconds().set(pump.runningSeconds());
            finished(panel, job, result, failure);
        }));
        return true;
    }

    public void cancel(PanelState panel) {
        JobHandle job = jobs.get(panel);
        if (job != null && panel.run().status().get().active()) {
            job.cancel();
            panel.run().phase().set("Cancelling ...");
        }
    }

    /**
     * Forgets the panel's run: its model or image changed, so what it computes no longer belongs on
     * screen. A job still going is cancelled and its end ignored.
     */
    public void discard(PanelState panel) {
        JobHandle job = jobs.remove(panel);
        if (job != null) {
            job.cancel();
        }
        panel.run().clear();
    }

    public boolean running() {
        return jobs.keySet().stream().anyMatch(p -> p.run().status().get().active());
    }

    private void finished(PanelState panel, JobHandle job, JobResult result, Throwable failure) {
        if (jobs.get(panel) != job) {
            return;
        }
        RunState run = panel.run();
        if (failure != null) {
            boolean cancelled = failure instanceof CancellationException
                    || failure.getCause() instanceof CancellationException;
            if (cancelled) {
                run.cancelled();
            } else {
                run.status().set(RunState.Status.FAILED);
                run.phase().set("Failed");
                tell.accept(Errors.message("Analysis of panel " + panel.id() + " failed", failure));
            }
            return;
        }
        run.status().set(RunState.Status.DONE);
        run.progress().set(1);
        run.phase().set(String.format(Locale.ROOT, "Done in %.1f s", run.seconds().get()));
        panel.result().set(result);
        List<LayerResult> failed = result.analysis().discarding().layers().stream().filter(l -> !l.ok()).toList();
        for (LayerResult l : failed) {
            tell.accept(UserMessage.warning("Layer " + l.name() + " failed", l.failure()));
        }
    }

    /** Cancels every job; the service itself is closed by its owner. */
    @Override
    public void close() {
        jobs.values().forEach(JobHandle::cancel);
        jobs.clear();
    }
}
