package org.sieve.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.render.CurveChart;

/**
 * The layer-wise entropy curves of one or more panels on one chart: per panel the raw h-bar (or,
 * for metric 2, the reconstruction uncertainty r-bar) and its monotone envelope (dashed), and with
 * a foreground the foreground and background values. Panels are paired by layer name, so two
 * models of one architecture line up layer by layer, and a layer only one panel has stands alone.
 */
public final class EntropyCurves {

    private EntropyCurves() {
    }

    /**
     * The chart's columns: every panel's layers once each by name, in network order. Two models
     * with the same architecture share every column; a layer only one model has gets a column of
     * its own, placed after the shared layer it follows in its network.
     */
    public static List<String> columns(List<SheetPanel> panels) {
        List<String> columns = new ArrayList<>();
        for (SheetPanel p : panels) {
            int at = 0;
            for (LayerResult l : p.result().discarding().layers()) {
                int found = columns.indexOf(l.name());
                if (found >= 0) {
                    at = found + 1;
                } else {
                    columns.add(at++, l.name());
                }
            }
        }
        return columns;
    }

    /** x-axis labels: each column's layer name, with the panels that have it where not all do ("fc3 (B only)"). */
    public static List<String> labels(List<SheetPanel> panels) {
        List<String> labels = new ArrayList<>();
        for (String name : columns(panels)) {
            List<String> having = panels.stream().filter(p -> has(p, name)).map(SheetPanel::label).toList();
            labels.add(having.size() == panels.size() ? name : name + " (" + String.join(", ", having) + " only)");
        }
        return labels;
    }

    private static boolean has(SheetPanel p, String layer) {
        return p.result().discarding().layers().stream().anyMatch(l -> l.name().equals(layer));
    }

    /**
     * One line of the chart.
     *
     * @param values one per layer position, NaN where the panel has none
     * @param colour index into {@link CurveChart#palette}; a panel's envelope shares its raw curve's
     */
    public record Curve(String name, double[] values, int colour, boolean dashed) {
    }

    /** Per panel: the raw curve, its envelope (dashed), and with a foreground the foreground and background curves. */
    public static List<Curve> curves(List<SheetPanel> panels) {
        List<String> n = columns(panels);
        boolean many = panels.size() > 1;
        List<Curve> curves = new ArrayList<>();
        int colour = 0;
        for (SheetPanel p : panels) {
            List<LayerResult> layers = p.result().discarding().layers();
            String prefix = many ? p.label() + ": " : "";
            int c = colour++;
            curves.add(new Curve(prefix + legend(p), values(layers, n, Kind.RAW), c, false));
            curves.add(new Curve(prefix + envelopeLegend(p), values(layers, n, Kind.ENVELOPE), c, true));
            if (p.result().request().mask() != null) {
                curves.add(new Curve(prefix + "foreground", values(layers, n, Kind.FOREGROUND), colour++, false));
                curves.add(new Curve(prefix + "background", values(layers, n, Kind.BACKGROUND), colour++, false));
            }
        }
        return curves;
    }

    public static CurveChart chart(List<SheetPanel> panels) {
        CurveChart chart = new CurveChart(title(panels), "layer, in network order", axis(panels), labels(panels));
        for (Curve c : curves(panels)) {
            chart.add(c.name(), c.values(), CurveChart.palette(c.colour()), c.dashed());
        }
        return chart;
    }

    /** The chart's title, naming what the panels' results measure. */
    public static String title(List<SheetPanel> panels) {
        return "Layer-wise " + metrics(panels).stream().map(Metric::quantity).collect(Collectors.joining(" and "))
                + " (higher: more information discarded)";
    }

    /** The value axis, short enough to run along a low plot: the chart's title names the quantities. */
    public static String axis(List<SheetPanel> panels) {
        return symbols(panels) + " (nats/dim)";
    }

    /** What the curves show in symbols, e.g. "h̄" or "h̄, r̄": the value axis where even {@link #axis} is too long. */
    public static String symbols(List<SheetPanel> panels) {
        return metrics(panels).stream().map(Metric::meanSymbol).collect(Collectors.joining(", "));
    }

    /** A panel's raw curve in the legend: metric 2's r̄ is named, as it is the less familiar quantity. */
    public static String legend(SheetPanel p) {
        Metric m = metric(p);
        return m == Metric.RECONSTRUCTION_UNCERTAINTY ? m.meanSymbol() + " " + m.quantity() : m.meanSymbol();
    }

    /**
     * The envelope in the legend. Metric 2's r̄ measurably dips with depth on some images (at LeNet-5's
     * logits by up to 0.4 nats: docs/findings.md, "The paper's findings"), so its legend says that the envelope,
     * not the raw curve, is the layer-wise reading.
     */
    static String envelopeLegend(SheetPanel p) {
        return metric(p) == Metric.RECONSTRUCTION_UNCERTAINTY ? "envelope (r̄ can dip with depth; read this)"
                : "envelope";
    }

    /** What the panel's result measures. */
    public static Metric metric(SheetPanel p) {
        return p.result().request().settings().metric();
    }

    /** The metrics of the panels, in the enum's order, once each: panels analysed at different times may differ. */
    private static List<Metric> metrics(List<SheetPanel> panels) {
        return panels.stream().map(EntropyCurves::metric).distinct().sorted().toList();
    }

    /** Which value of a layer a curve shows. */
    public enum Kind {
        RAW, ENVELOPE, FOREGROUND, BACKGROUND;

        public double of(LayerResult l) {
            if (!l.ok()) {
                return Double.NaN;
            }
            return switch (this) {
                case RAW -> l.entropyPerDim();
                case ENVELOPE -> l.entropyEnvelope();
                case FOREGROUND -> l.foreground() == null ? Double.NaN : l.foreground().foregroundEntropy();
                case BACKGROUND -> l.foreground() == null ? Double.NaN : l.foreground().backgroundEntropy();
            };
        }
    }

    /** One value per column, NaN where the panel has no such layer or it failed. */
    public static double[] values(List<LayerResult> layers, List<String> columns, Kind kind) {
        double[] v = new double[columns.size()];
        java.util.Arrays.fill(v, Double.NaN);
        for (LayerResult l : layers) {
            int i = columns.indexOf(l.name());
            if (i >= 0) {
                v[i] = kind.of(l);
            }
        }
        return v;
    }
}
