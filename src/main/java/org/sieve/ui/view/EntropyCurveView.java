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
import javafx.util.StringConverter;
import org.sieve.metrics.LayerResult;
import org.sieve.report.EntropyCurves;
import org.sieve.report.SheetPanel;
import org.sieve.ui.model.AppModel;

/**
 * The layer-wise entropy curve of every analysed panel on one chart: raw h-bar (r-bar for metric
 * 2), its monotone envelope (dashed), and with a foreground the foreground and background curves. Layers are in
 * network order; panels with different networks are aligned by position.
 */
public final class EntropyCurveView extends VBox {

    /** matplotlib's tab10, as the PNG chart uses. */
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

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
        chart.setMinHeight(180);
        VBox.setVgrow(chart, Priority.ALWAYS);
        x.setAutoRanging(false);
        x.setTickUnit(1);
        x.setMinorTickVisible(false);
        x.setLabel("layer, in network order");
        y.setForceZeroInRange(false);
        heading.setId("entropy-curve-title");
        getChildren().addAll(heading, legend, chart);
        getStyleClass().add("curves");
        app.panelA().result().addListener(o -> update());
        app.panelB().result().addListener(o -> update());
        app.compare().addListener(o -> update());
        app.panelA().outdated().addListener(o -> update());
        chart.widthProperty().addListener(o -> slant(EntropyCurves.labels(panels())));
        app.panelB().outdated().addListener(o -> update());
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
        y.setLabel(EntropyCurves.axis(panels));
        List<String> labels = EntropyCurves.labels(panels);
        x.setLowerBound(0.5);
        x.setUpperBound(labels.size() + 0.5);
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
        boolean many = panels.size() > 1;
        int colour = 0;
        for (SheetPanel p : panels) {
            List<LayerResult> layers = p.result().discarding().layers();
            String prefix = many ? p.label() + ": " : "";
            String c = COLOURS[colour++ % COLOURS.length];
            add(prefix + EntropyCurves.legend(p), layers, EntropyCurves.Kind.RAW, c, false);
            add(prefix + "envelope (running max)", layers, EntropyCurves.Kind.ENVELOPE, c, true);
            if (p.result().request().mask() != null) {
                add(prefix + "foreground", layers, EntropyCurves.Kind.FOREGROUND, COLOURS[colour++ % COLOURS.length],
                        false);
                add(prefix + "background", layers, EntropyCurves.Kind.BACKGROUND, COLOURS[colour++ % COLOURS.length],
                        false);
            }
        }
    }

    /** Layer names slant only where they would not fit side by side. */
    private void slant(List<String> labels) {
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        double perLabel = chart.getWidth() / Math.max(1, labels.size());
        x.setTickLabelRotation(chart.getWidth() > 0 && longest * x.getTickLabelFont().getSize() * 0.62 > perLabel
                ? -35 : 0);
    }

    private void add(String name, List<LayerResult> layers, EntropyCurves.Kind kind, String colour, boolean dashed) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (int i = 0; i < layers.size(); i++) {
            double v = kind.of(layers.get(i));
            if (Double.isFinite(v)) {
                s.getData().add(new XYChart.Data<>(i + 1, v));
            }
        }
        chart.getData().add(s);
        String dash = dashed ? " -fx-stroke-dash-array: 8 5;" : "";
        s.getNode().setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 2;" + dash);
        for (XYChart.Data<Number, Number> d : s.getData()) {
            if (d.getNode() != null) {
                d.getNode().setStyle(dashed ? "-fx-background-color: transparent;"
                        : "-fx-background-color: " + colour + ", white; -fx-background-radius: 4px;");
                int i = d.getXValue().intValue() - 1;
                Tooltip.install(d.getNode(), Fx.tip(String.format(Locale.ROOT, "%s · %s: %.4f nats/dim", name,
                        layers.get(i).name(), d.getYValue().doubleValue())));
            }
        }
        Line sample = new Line(0, 0, 22, 0);
        sample.setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 2;" + dash);
        Label l = new Label(name, sample);
        l.getStyleClass().add("legend-entry");
        legend.getChildren().add(l);
    }
}
