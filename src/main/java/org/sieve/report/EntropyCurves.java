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
 * a foreground the foreground and background values. Panels with different layers are aligned by
 * position in network order.
 */
public final class EntropyCurves {

    private EntropyCurves() {
    }

    /** x-axis labels: the layer names when the panels agree, else "name A | name B" per position. */
    public static List<String> labels(List<SheetPanel> panels) {
        int n = panels.stream().mapToInt(p -> p.result().discarding().layers().size()).max().orElse(0);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> names = new ArrayList<>();
            for (SheetPanel p : panels) {
                List<LayerResult> layers = p.result().discarding().layers();
                String name = i < layers.size() ? layers.get(i).name() : "–";
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
            labels.add(String.join(" | ", names));
        }
        return labels;
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
        int n = labels(panels).size();
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

    public static double[] values(List<LayerResult> layers, int n, Kind kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i < layers.size() ? kind.of(layers.get(i)) : Double.NaN;
        }
        return v;
    }
}
