package org.sieve.ui.model;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sieve.report.LayerWarnings;

/** One layer's progress in a running analysis. */
public final class LayerProgress {

    private final String layer;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final DoubleProperty entropy = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty distortionRatio = new SimpleDoubleProperty(Double.NaN);
    private final StringProperty state = new SimpleStringProperty("waiting");
    private final ObjectProperty<LayerWarnings> warnings = new SimpleObjectProperty<>();

    public LayerProgress(String layer) {
        this.layer = layer;
    }

    public String layer() {
        return layer;
    }

    /** 0 to 1 of the step budget. */
    public DoubleProperty progress() {
        return progress;
    }

    /** Latest h-bar, nats per input dimension. */
    public DoubleProperty entropy() {
        return entropy;
    }

    public DoubleProperty distortionRatio() {
        return distortionRatio;
    }

    /** "waiting", "from cache", "optimising", "done", "failed", "cancelled". */
    public StringProperty state() {
        return state;
    }

    /** Whether the layer has its final state: a result, a failure, or none after a cancel. */
    public boolean finished() {
        return switch (state.get()) {
            case "waiting", "optimising" -> false;
            default -> true;
        };
    }

    /** What to warn of in the finished layer's result, or null before it finishes. */
    public ObjectProperty<LayerWarnings> warnings() {
        return warnings;
    }
}
