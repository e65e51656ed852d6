package org.sieve.ui.view;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunState;

/**
 * One analysis panel: its input image (with foreground), the model's predictions, the live run
 * (progress, sigma, chart) and the heatmap strip of the result. A click makes it the panel the
 * side bar edits.
 */
public final class PanelView extends ScrollPane {

    public PanelView(AppModel app, PanelState panel, SharedScale shared) {
        setFitToWidth(true);
        setId("panel-" + panel.id());
        getStyleClass().add("panel-view");
        Label badge = new Label(panel.id());
        badge.getStyleClass().add("badge");
        Label caption = new Label();
        caption.getStyleClass().add("panel-caption");
        caption.textProperty().bind(Bindings.createStringBinding(panel::caption, panel.model(), panel.image()));
        Label status = new Label();
        status.getStyleClass().add("hint");
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(panel), panel.run().status(),
                panel.run().progress(), panel.loading()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, badge, caption, spacer, status);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");

        LiveSigmaView sigma = new LiveSigmaView(app, panel, 150);
        sigma.visibleProperty().bind(Bindings.createBooleanBinding(() -> panel.run().status().get().active(),
                panel.run().status()));
        sigma.managedProperty().bind(sigma.visibleProperty());
        RunProgressView progress = new RunProgressView(panel.run(), panel.id());
        progress.visibleProperty().bind(panel.run().status().isNotEqualTo(RunState.Status.IDLE));
        progress.managedProperty().bind(progress.visibleProperty());
        FlowPane top = new FlowPane(16, 10, new ImageCanvas(app, panel, 196), new PredictionsView(panel), sigma,
                progress);
        top.setAlignment(Pos.TOP_LEFT);
        TitledPane trace = new TitledPane("Optimisation, step by step", null);
        trace.setId("trace-" + panel.id());
        trace.setAnimated(false);
        trace.visibleProperty().bind(panel.run().status().isNotEqualTo(RunState.Status.IDLE));
        trace.managedProperty().bind(trace.visibleProperty());
        // Open while a run streams its steps; folded away once the heatmaps are there.
        panel.run().status().addListener((o, was, now) -> {
            if (trace.getContent() == null) {
                // Made with the first run (before its first step), not at start-up.
                trace.setContent(new LiveChart(panel.run(), panel.id()));
            }
            trace.setExpanded(now.active());
        });
        VBox content = new VBox(10, header, top, new HeatmapStrip(app, panel, shared), trace);
        content.setPadding(new Insets(8));
        setContent(content);

        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> app.active().set(panel));
        app.active().addListener((o, was, now) -> markActive(app, panel));
        app.compare().addListener((o, was, now) -> markActive(app, panel));
        markActive(app, panel);
    }

    private void markActive(AppModel app, PanelState panel) {
        boolean active = app.compare().get() && app.active().get() == panel;
        getStyleClass().remove("active-panel");
        if (active) {
            getStyleClass().add("active-panel");
        }
    }

    private static String statusText(PanelState panel) {
        if (panel.loading().get()) {
            return "Loading ...";
        }
        RunState.Status s = panel.run().status().get();
        return switch (s) {
            case IDLE -> "";
            case QUEUED -> "Waiting";
            case RUNNING -> String.format(java.util.Locale.ROOT, "Analysing · %.0f%%", 100 * panel.run().progress().get());
            case DONE -> "Done";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed";
        };
    }
}
