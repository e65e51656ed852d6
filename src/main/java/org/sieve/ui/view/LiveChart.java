package org.sieve.ui.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.sieve.metrics.Metric;
import org.sieve.metrics.StepEvent;
import org.sieve.ui.model.RunState;

/**
 * Loss, entropy (reconstruction uncertainty for metric 2) or D/D0 of every running layer per
 * optimisation step, drawn as the steps arrive.
 */
public final class LiveChart extends VBox {

    /** Points per layer at most; beyond it every other point is dropped and the stride doubles. */
    private static final int MAX_POINTS = 200;

    private enum Quantity {
        ENTROPY, LOSS, RATIO;

        String label(Metric metric) {
            return switch (this) {
                case ENTROPY -> metric.meanSymbol() + " (nats/dim)";
                case LOSS -> "loss";
                case RATIO -> "D/D0";
            };
        }

        double of(StepEvent e) {
            return switch (this) {
                case ENTROPY -> e.entropyPerDim();
                case LOSS -> e.loss();
                case RATIO -> e.distortionRatio();
            };
        }
    }

    private final RunState run;
    private final ChoiceBox<Quantity> quantity = new ChoiceBox<>();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart;
    private final Map<String, XYChart.Series<Number, Number>> series = new HashMap<>();
    private final Map<String, Integer> stride = new HashMap<>();

    public LiveChart(RunState run, String id) {
        this.run = run;
        setSpacing(2);
        NumberAxis x = new NumberAxis();
        x.setLabel("step");
        x.setForceZeroInRange(true);
        y.setForceZeroInRange(false);
        chart = new LineChart<>(x, y);
        chart.setId("live-chart-" + id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(210);
        chart.setMinHeight(160);
        quantity.getItems().addAll(Quantity.values());
        quantity.setValue(Quantity.ENTROPY);
        quantity.valueProperty().addListener(o -> rebuild());
        showLabels();
        run.metric().addListener(o -> showLabels());
        getChildren().addAll(new javafx.scene.layout.HBox(6, Fx.heading("Live"), quantity), chart);
        run.trace().addListener((ListChangeListener<StepEvent>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && run.trace().isEmpty()) {
                    clear();
                }
                if (c.wasAdded()) {
                    add(c.getAddedSubList());
                }
            }
        });
    }

    private void clear() {
        chart.getData().clear();
        series.clear();
        stride.clear();
    }

    private void rebuild() {
        clear();
        y.setLabel(quantity.getValue().label(run.metric().get()));
        add(run.trace());
    }

    /** Names the quantities for the run's metric; a new converter makes the choice box redraw its items. */
    private void showLabels() {
        Metric metric = run.metric().get();
        quantity.setConverter(new StringConverter<>() {
            @Override
            public String toString(Quantity q) {
                return q == null ? "" : q.label(metric);
            }

            @Override
            public Quantity fromString(String s) {
                return null;
            }
        });
        y.setLabel(quantity.getValue().label(metric));
    }

    private void add(List<? extends StepEvent> events) {
        Quantity q = quantity.getValue();
        for (StepEvent e : events) {
            int every = stride.getOrDefault(e.layer(), 1);
            double v = q.of(e);
            if (e.step() % every != 0 || !Double.isFinite(v)) {
                continue;
            }
            XYChart.Series<Number, Number> s = series.computeIfAbsent(e.layer(), name -> {
                XYChart.Series<Number, Number> created = new XYChart.Series<>();
                created.setName(name);
                chart.getData().add(created);
                return created;
            });
            s.getData().add(new XYChart.Data<>(e.step(), v));
            if (s.getData().size() > MAX_POINTS) {
                List<XYChart.Data<Number, Number>> kept = new java.util.ArrayList<>();
                for (int i = 0; i < s.getData().size(); i += 2) {
                    kept.add(s.getData().get(i));
                }
                s.getData().setAll(kept);
                stride.put(e.layer(), every * 2);
            }
        }
    }
}
