package org.sieve.service;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sieve.analysis.Version;
import org.sieve.metrics.DepthFalls;
import org.sieve.metrics.Metric;
import org.sieve.render.CurveChart;

/** A batch's results per layer over all images, as summary.json, summary.csv and a chart of the curves. */
final class BatchSummary {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Map<String, LayerSummary> layers = new LinkedHashMap<>();
    private final List<String> order;
    private final List<BatchReport.Skipped> skipped = new ArrayList<>();
    /** Per image path, the metric's layer value in layer order (NaN where the layer failed). */
    private final Map<String, double[]> perImage = new LinkedHashMap<>();
    private JsonObject first;
    private int images;
    private int failedLayers;

    /** @param layers the analysed layers in network order */
    BatchSummary(List<String> layers) {
        layers.forEach(l -> this.layers.put(l, new LayerSummary(l)));
        order = List.copyOf(this.layers.keySet());
    }

    /** @param result one image's result.json */
    void add(JsonObject result) {
        if (first == null) {
            first = result;
        }
        images++;
        double[] values = new double[order.size()];
        Arrays.fill(values, Double.NaN);
        for (JsonElement e : result.getAsJsonArray("layers")) {
            JsonObject layer = e.getAsJsonObject();
            String name = layer.get("name").getAsString();
            LayerSummary s = layers.get(name);
            if (layer.has("failure")) {
                failedLayers++;
            } else if (s != null) {
                s.add(layer);
                values[order.indexOf(name)] = layer.get("entropyPerDim").getAsDouble();
            }
        }
        perImage.put(result.getAsJsonObject("image").get("path").getAsString(), values);
    }

    /** How far the metric's layer value falls with depth, over the images so far. */
    DepthFalls falls() {
        return DepthFalls.of(order, perImage);
    }

    void skip(String image, String reason) {
        skipped.add(new BatchReport.Skipped(image, reason));
    }

    int images() {
        return images;
    }

    int failedLayers() {
        return failedLayers;
    }

    List<BatchReport.Skipped> skipped() {
        return skipped;
    }

    String json(BatchReport report, String mask) {
        JsonObject root = new JsonObject();
        Version.stamp(root);
        if (first != null) {
            root.add("metric", first.get("metric"));
            root.add("model", first.get("model"));
            root.add("settings", first.get("settings"));
        }
        root.addProperty("mask", mask);
        JsonObject counts = new JsonObject();
        counts.addProperty("total", report.images());
        counts.addProperty("analysed", report.analysed());
        counts.addProperty("resumed", report.resumed());
        counts.add("skipped", GSON.toJsonTree(report.skipped()));
        root.add("images", counts);
        root.addProperty("failedLayers", report.failedLayers());
        JsonArray out = new JsonArray();
        for (LayerSummary s : layers.values()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", s.name());
            o.addProperty("images", s.count("entropyPerDim"));
            for (String q : LayerSummary.QUANTITIES) {
                JsonObject stats = new JsonObject();
                stats.add("mean", number(s.mean(q)));
                stats.add("std", number(s.std(q)));
                stats.addProperty("n", s.count(q));
                o.add(q, stats);
            }
            out.add(o);
        }
        root.add("layers", out);
        root.add("fallsWithDepth", GSON.toJsonTree(falls()));
        JsonObject timing = new JsonObject();
        timing.addProperty("imagesComputed", report.computed());
        timing.add("seconds", number(report.seconds()));
        timing.add("engineSeconds", number(report.engineSeconds()));
        timing.add("optimisationSeconds", number(report.optimisationSeconds()));
        root.add("timingOfThisRun", timing);
        return GSON.toJson(root) + "\n";
    }

    String csv() {
        StringBuilder out = new StringBuilder("layer,images");
        for (String q : LayerSummary.QUANTITIES) {
            out.append(',').append(q).append("Mean,").append(q).append("Std");
        }
        out.append('\n');
        for (LayerSummary s : layers.values()) {
            out.append(s.name()).append(',').append(s.count("entropyPerDim"));
            for (String q : LayerSummary.QUANTITIES) {
                out.append(',').append(csvNumber(s.mean(q))).append(',').append(csvNumber(s.std(q)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The metric's value per layer, mean over images, with foreground and background when there was a mask. */
    BufferedImage chart() {
        Metric metric = first != null && first.has("metric") ? Metric.parse(first.get("metric").getAsString())
                : Metric.INFORMATION_DISCARDING;
        CurveChart chart = new CurveChart("Layer " + metric.quantity() + ", mean over " + images + " images",
                "layer", metric.quantity() + " (nats per input dimension)", List.copyOf(layers.keySet()));
        // Entropy is the familiar quantity and named; r̄ stands alone as before.
        chart.add(metric == Metric.INFORMATION_DISCARDING ? "mean entropy " + metric.meanSymbol()
                : "mean " + metric.meanSymbol(), means("entropyPerDim"));
        if (layers.values().stream().anyMatch(s -> s.count("foregroundEntropy") > 0)) {
            chart.add("foreground", means("foregroundEntropy"));
            chart.add("background", means("backgroundEntropy"));
        }
        return chart.render(960, 600);
    }

    private double[] means(String quantity) {
        return layers.values().stream().mapToDouble(s -> s.mean(quantity)).toArray();
    }

    private static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    private static String csvNumber(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
