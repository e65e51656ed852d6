package org.sieve.ui.model;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.sieve.metrics.Metric;
import org.sieve.metrics.StepEvent;

/** The state of one panel's analysis as the views show it; changed only on the FX thread. */
public final class RunState {

    public enum Status {
        IDLE, QUEUED, RUNNING, DONE, CANCELLED, FAILED;

        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.IDLE);
    private final StringProperty phase = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final DoubleProperty etaSeconds = new SimpleDoubleProperty(Double.NaN);
    private final ObservableList<LayerProgress> layers = FXCollections.observableArrayList();
    private final ObservableList<StepEvent> trace = FXCollections.observableArrayList();
    private final ObservableMap<String, LiveSigma> sigma = FXCollections.observableHashMap();
    private final DoubleProperty seconds = new SimpleDoubleProperty(0);
    private int expectedSteps = 1;
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.INFORMATION_DISCARDING);

    public ObjectProperty<Status> status() {
        return status;
    }

    public StringProperty phase() {
        return phase;
    }

    /** Fraction of the step budget done, 0 to 1. */
    public DoubleProperty progress() {
        return progress;
    }

    public DoubleProperty etaSeconds() {
        return etaSeconds;
    }

    public ObservableList<LayerProgress> layers() {
        return layers;
    }

    /** Every streamed step, in order; the live chart plots it. */
    public ObservableList<StepEvent> trace() {
        return trace;
    }

    /** The latest sigma grid of each layer being optimised. */
    public ObservableMap<String, LiveSigma> sigma() {
        return sigma;
    }

    /** Wall time of the last finished run. */
    public DoubleProperty seconds() {
        return seconds;
    }

    /** What the run measures: its streamed values are entropies or reconstruction uncertainties. */
    public ObjectProperty<Metric> metric() {
        return metric;
    }

    /** The steps the run is expected to take (not its budget): what its progress and time left count towards. */
    public int expectedSteps() {
        return expectedSteps;
    }

    /** A new run over these layers, expected to take {@code steps} steps: clears the previous one's traces. */
    public void reset(List<String> layerNames, Metric measured, int steps) {
        expectedSteps = Math.max(1, steps);
        metric.set(measured);
        trace.clear();
        sigma.clear();
        progress.set(0);
        etaSeconds.set(Double.NaN);
        phase.set("Waiting for the computing thread ...");
        layers.setAll(layerNames.stream().map(LayerProgress::new).toList());
        status.set(Status.QUEUED);
    }

    /** No run to show: the panel's choice changed since, so its rows and numbers would mislead. */
    public void clear() {
        trace.clear();
        sigma.clear();
        layers.clear();
        progress.set(0);
        etaSeconds.set(Double.NaN);
        phase.set("");
        status.set(Status.IDLE);
    }

    /** Layers still waiting or optimising when the run was cancelled say so, not "optimising". */
    public void cancelled() {
        for (LayerProgress l : layers) {
            if (!l.finished()) {
                l.state().set("cancelled");
            }
        }
        status.set(Status.CANCELLED);
        phase.set("Cancelled");
    }

    public LayerProgress layer(String name) {
        return layers.stream().filter(l -> l.layer().equals(name)).findFirst().orElse(null);
    }
}
