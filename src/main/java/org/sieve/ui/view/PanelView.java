package org.sieve.ui.view;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.MaskTool;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.RunState;

/**
 * One analysis panel: a header line; its input image (with foreground), the model's predictions
 * and the live run (progress, sigma, chart), folded away once the maps are there so they get the
 * room; and the map strip of the result. A click makes it the panel the side bar edits. The page
 * around it scrolls, the panel never does by itself.
 */
public final class PanelView extends VBox {

    private static final double SPACING = 8;

    private final PanelState panel;
    private final VBox header;
    private final FlowPane details;
    private final HeatmapStrip strip;
    private final TitledPane trace = new TitledPane("Optimisation, step by step", null);
    private final BooleanProperty detailsShown = new SimpleBooleanProperty(true);
    private double pageHeight = Double.MAX_VALUE;

    public PanelView(AppModel app, PanelState panel, SharedScale shared, TileSizes sizes) {
        this.panel = panel;
        setId("panel-" + panel.id());
        getStyleClass().add("panel-view");
        setSpacing(SPACING);
        setPadding(new Insets(8));
        setMinWidth(0);
        header = header(app);
        LiveSigmaView sigma = new LiveSigmaView(app, panel, 150);
        sigma.visibleProperty().bind(Bindings.createBooleanBinding(() -> panel.run().status().get().active(),
                panel.run().status()));
        sigma.managedProperty().bind(sigma.visibleProperty());
        RunProgressView progress = new RunProgressView(panel.run(), panel.id());
        progress.visibleProperty().bind(panel.run().status().isNotEqualTo(RunState.Status.IDLE));
        progress.managedProperty().bind(progress.visibleProperty());
        details = new FlowPane(16, 10, new ImageCanvas(app, panel, 196), new PredictionsView(panel), sigma, progress);
        details.setId("details-" + panel.id());
        details.setAlignment(Pos.TOP_LEFT);
        details.visibleProperty().bind(detailsShown);
        details.managedProperty().bind(detailsShown);
        strip = new HeatmapStrip(app, panel, shared, sizes);
        trace.setId("trace-" + panel.id());
        trace.setAnimated(false);
        // In presentation mode only while a run streams its steps: afterwards the maps need the room.
        trace.visibleProperty().bind(Bindings.createBooleanBinding(() -> panel.run().status().get().active()
                || !app.presentation().get() && panel.run().status().get() != RunState.Status.IDLE,
                panel.run().status(), app.presentation()));
        trace.managedProperty().bind(trace.visibleProperty());
        panel.run().status().addListener((o, was, now) -> {
            if (trace.getContent() == null) {
                // Made with the first run (before its first step), not at start-up.
                trace.setContent(new LiveChart(panel.run(), panel.id()));
            }
            trace.setExpanded(now.active());
            if (now.active()) {
                detailsShown.set(true);
            }
        });
        // The maps take the room when they arrive; a new input, or painting a foreground, brings the input back.
        panel.result().addListener((o, was, now) -> detailsShown.set(now == null));
        panel.prepared().addListener(o -> detailsShown.set(true));
        app.maskTool().addListener((o, was, tool) -> {
            if (tool != MaskTool.NONE && app.active().get() == panel) {
                detailsShown.set(true);
            }
        });
        getChildren().addAll(header, details, strip, trace);
        InvalidationListener refit = o -> fitStrip();
        header.heightProperty().addListener(refit);
        details.heightProperty().addListener(refit);
        trace.heightProperty().addListener(refit);
        details.managedProperty().addListener(refit);
        trace.managedProperty().addListener(refit);

        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> app.active().set(panel));
        app.active().addListener((o, was, now) -> markActive(app));
        app.compare().addListener((o, was, now) -> markActive(app));
        markActive(app);
    }

    private VBox header(AppModel app) {
        Label badge = new Label(panel.id());
        badge.getStyleClass().add("badge");
        Label caption = new Label();
        caption.getStyleClass().add("panel-caption");
        caption.setId("caption-" + panel.id());
        // Two compared panels on a projector leave each half the width: the caption wraps rather than ends in "...".
        caption.setMinWidth(0);
        caption.setWrapText(true);
        caption.textProperty().bind(Bindings.createStringBinding(panel::caption, panel.model(), panel.image()));
        // With the input folded away: a small copy of it and what the model reads in it.
        ImageView thumb = new ImageView();
        thumb.setSmooth(false);
        thumb.setPreserveRatio(true);
        thumb.imageProperty().bind(panel.prepared().map(InputImage::of));
        Label reads = new Label();
        reads.setId("reads-" + panel.id());
        reads.textProperty().bind(Bindings.createStringBinding(() -> panel.predictions().isEmpty() ? ""
                : String.format(Locale.ROOT, "reads %s (%.0f%%)", panel.predictions().get(0).label(),
                100 * panel.predictions().get(0).probability()), panel.predictions()));
        // About a line and a half of text, however many lines the caption wraps to.
        thumb.fitHeightProperty().bind(badge.heightProperty().multiply(1.4));
        // What the model reads and the run's state stay whole; the caption wraps to make room.
        reads.setMinWidth(Region.USE_PREF_SIZE);
        HBox folded = new HBox(6, thumb, reads);
        folded.setAlignment(Pos.CENTER_LEFT);
        folded.visibleProperty().bind(detailsShown.not());
        folded.managedProperty().bind(folded.visibleProperty());
        Label status = new Label();
        status.getStyleClass().add("hint");
        status.setMinWidth(Region.USE_PREF_SIZE);
        status.textProperty().bind(Bindings.createStringBinding(this::statusText, panel.run().status(),
                panel.run().progress(), panel.run().seconds(), panel.loading()));
        ToggleButton more = new ToggleButton(null, Fx.icon(MaterialDesignC.CHEVRON_DOWN));
        more.setId("details-toggle-" + panel.id());
        more.getStyleClass().add("small");
        more.setTooltip(Fx.tip("Show or hide the input image, the predictions and the run's progress"));
        more.selectedProperty().bindBidirectional(detailsShown);
        more.graphicProperty().bind(detailsShown.map(on -> Fx.icon(on ? MaterialDesignC.CHEVRON_UP
                : MaterialDesignC.CHEVRON_DOWN)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tail = new HBox(8, folded, status, more);
        tail.setAlignment(Pos.CENTER_RIGHT);
        tail.setMinWidth(Region.USE_PREF_SIZE);
        HBox first = new HBox(8, badge, caption, spacer, tail);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox();
        second.setAlignment(Pos.CENTER_RIGHT);
        second.managedProperty().bind(second.visibleProperty());
        VBox box = new VBox(4, first, second);
        box.getStyleClass().add("panel-header");
        // Where the caption and the rest do not fit on one line (two panels on a projector), the rest
        // goes under the caption, whole, and the caption keeps the line to itself.
        InvalidationListener arrange = o -> {
            double needed = badge.prefWidth(-1) + caption.prefWidth(-1) + tail.prefWidth(-1) + 3 * first.getSpacing();
            boolean oneLine = box.getWidth() <= 0 || needed <= box.getWidth();
            if (oneLine != (tail.getParent() == first)) {
                (oneLine ? second : first).getChildren().remove(tail);
                (oneLine ? first : second).getChildren().add(tail);
            }
            second.setVisible(!oneLine);
        };
        box.widthProperty().addListener(arrange);
        caption.textProperty().addListener(arrange);
        caption.fontProperty().addListener(arrange);
        tail.widthProperty().addListener(arrange);
        arrange.invalidated(null);
        return box;
    }

    /**
     * The height of the page this panel is shown in (less the curves under it): the maps get
     * what the header, details and trace leave of it.
     */
    void pageHeight(double height) {
        pageHeight = height;
        fitStrip();
    }

    private void fitStrip() {
        // Insets: the padding and the border that marks the active panel.
        double used = getInsets().getTop() + getInsets().getBottom() + header.getHeight() + SPACING;
        if (details.isManaged()) {
            used += details.getHeight() + SPACING;
        }
        if (trace.isManaged()) {
            used += trace.getHeight() + SPACING;
        }
        strip.heightBudget(pageHeight - used);
    }

    private void markActive(AppModel app) {
        boolean active = app.compare().get() && app.active().get() == panel;
        getStyleClass().remove("active-panel");
        if (active) {
            getStyleClass().add("active-panel");
        }
    }

    private String statusText() {
        if (panel.loading().get()) {
            return "Loading ...";
        }
        RunState.Status s = panel.run().status().get();
        return switch (s) {
            case IDLE -> "";
            case QUEUED -> "Waiting";
            case RUNNING -> String.format(Locale.ROOT, "Analysing · %.0f%%", 100 * panel.run().progress().get());
            case DONE -> String.format(Locale.ROOT, "Done in %.1f s", panel.run().seconds().get());
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed";
        };
    }
}
