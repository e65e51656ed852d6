package org.sieve.ui.model;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One layer's progress in a running analysis. */
public final class LayerProgress {

    private final String layer;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final DoubleProperty entropy = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty distortionRatio = new SimpleDoubleProperty(Double.NaN);
    private final StringProperty state = new SimpleStringProperty("waiting");

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

    /** "waiting", "cached", "optimising", "done", "failed: ...". */
    public StringProperty state() {
        return state;
    }
}
