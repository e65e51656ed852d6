package org.sieve.ui.view;

import java.util.List;
import java.util.Locale;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.sieve.render.CurveChart;
import org.sieve.report.EntropyCurves;
import org.sieve.report.SheetPanel;
import org.sieve.ui.model.AppModel;

/**
 * The layer-wise entropy curve of every analysed panel on one chart: raw h-bar (r-bar for metric
 * 2), its monotone envelope (dashed), and with a foreground the foreground and background curves. Layers are in
 * network order; panels with different networks are aligned by position.
 */
public final class EntropyCurveView extends VBox {

    private final AppModel app;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final FlowPane legend = new FlowPane(12, 4);
    private final Label heading = Fx.heading("");

    public EntropyCurveView(AppModel app) {
        this.app = app;
        setSpacing(4);
        setId("entropy-curve");
        chart.setId("entropy-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCreateSymbols(true);
        chart.setMinHeight(120);
        VBox.setVgrow(chart, Priority.ALWAYS);
        x.setAutoRanging(false);
        x.setTickUnit(1);
        x.setMinorTickVisible(false);
        x.setLabel("layer, in network order");
        y.setForceZeroInRange(false);
        heading.setId("entropy-curve-title");
        // Beside the maps (presentation mode) the chart is narrow: the title wraps rather than ends in "...".
        heading.setWrapText(true);
        getChildren().addAll(heading, legend, chart);
        getStyleClass().add("curves");
        app.panelA().result().addListener(o -> update());
        app.panelB().result().addListener(o -> update());
        app.compare().addListener(o -> update());
        app.panelA().outdated().addListener(o -> update());
        app.panelB().outdated().addListener(o -> update());
        chart.widthProperty().addListener(o -> slant(EntropyCurves.labels(panels())));
        y.widthProperty().addListener(o -> slant(EntropyCurves.labels(panels())));
        chart.heightProperty().addListener(o -> fitAxisTitle(panels()));
        update();
    }

    private List<SheetPanel> panels() {
        return app.panels().stream().filter(p -> p.result().get() != null)
                .map(p -> new SheetPanel(p.id(), p.caption(), p.result().get().analysis())).toList();
    }

    private void update() {
        chart.getData().clear();
        legend.getChildren().clear();
        List<SheetPanel> panels = panels();
        setVisible(!panels.isEmpty());
        if (panels.isEmpty()) {
            return;
        }
        boolean outdated = app.panels().stream().anyMatch(p -> !p.outdated().get().isEmpty());
        heading.setText(EntropyCurves.title(panels) + (outdated ? " · outdated: press Analyze to update" : ""));
        fitAxisTitle(panels);
        List<String> labels = EntropyCurves.labels(panels);
        // Whole-number bounds: the axis puts its ticks at whole numbers from the lower bound on, one per layer.
        x.setLowerBound(0);
        x.setUpperBound(labels.size() + 1);
        slant(labels);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                int i = (int) Math.round(v) - 1;
                return Math.abs(v - Math.round(v)) < 1e-6 && i >= 0 && i < labels.size() ? labels.get(i) : "";
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        for (EntropyCurves.Curve c : EntropyCurves.curves(panels)) {
            add(c, labels);
        }
    }

    /** The value axis' title in full where the plot is high enough for it, else its symbols alone: never cut. */
    private void fitAxisTitle(List<SheetPanel> panels) {
        if (panels.isEmpty()) {
            return;
        }
        String full = EntropyCurves.axis(panels);
        Text probe = new Text(full);
        probe.setFont(Font.font(y.getTickLabelFont().getSize() * 1.2));
        // The plot is the chart less the room of the ticks and title of the x axis, about four lines.
        double plot = chart.getHeight() - 4 * y.getTickLabelFont().getSize() * 1.4;
        y.setLabel(chart.getHeight() > 0 && probe.getLayoutBounds().getWidth() > plot ? EntropyCurves.symbols(panels)
                : full);
    }

    /**
     * Layer names slant only where they would not fit side by side, and stand upright where even
     * slanted ones would overlap (the axis would drop every other name).
     */
    private void slant(List<String> labels) {
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        // The axis runs from 0 to one past the last layer; the value axis takes its own width first.
        double perLabel = (chart.getWidth() - y.getWidth()) / (labels.size() + 1);
        double font = x.getTickLabelFont().getSize();
        double rotation = 0;
        double along = longest * font * 0.62;
        if (chart.getWidth() > 0 && along > perLabel) {
            // The axis drops a name whose box overlaps the next one's: a slanted name's box is its
            // length times cos(35 degrees) plus its height times sin(35 degrees) wide.
            double slanted = along * Math.cos(Math.toRadians(35)) + font * Math.sin(Math.toRadians(35));
            rotation = slanted < perLabel ? -35 : -90;
        }
        x.setTickLabelRotation(rotation);
    }

    private void add(EntropyCurves.Curve curve, List<String> labels) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(curve.name());
        for (int i = 0; i < curve.values().length; i++) {
            if (Double.isFinite(curve.values()[i])) {
                s.getData().add(new XYChart.Data<>(i + 1, curve.values()[i]));
            }
        }
        chart.getData().add(s);
        java.awt.Color rgb = CurveChart.palette(curve.colour());
        String colour = String.format(Locale.ROOT, "#%02x%02x%02x", rgb.getRed(), rgb.getGreen(), rgb.getBlue());
        String dash = curve.dashed() ? " -fx-stroke-dash-array: 8 5;" : "";
        s.getNode().setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 2;" + dash);
        for (XYChart.Data<Number, Number> d : s.getData()) {
            if (d.getNode() != null) {
                d.getNode().setStyle(curve.dashed() ? "-fx-background-color: transparent;"
                        : "-fx-background-color: " + colour + ", white; -fx-background-radius: 4px;");
                int i = d.getXValue().intValue() - 1;
                Tooltip.install(d.getNode(), Fx.tip(String.format(Locale.ROOT, "%s · %s: %.4f nats/dim", curve.name(),
                        labels.get(i), d.getYValue().doubleValue())));
            }
        }
        Line sample = new Line(0, 0, 22, 0);
        sample.setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 2;" + dash);
        Label l = new Label(curve.name(), sample);
        l.getStyleClass().add("legend-entry");
        legend.getChildren().add(l);
    }
}
