package org.sieve.service;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer's values over the images of a batch, read from each image's result.json: the
 * paper's layer curves averaged over images. Failed layers and absent values (no mask) are left
 * out, so each quantity has its own count.
 */
final class LayerSummary {

    /** Quantity names as in result.json, knowledge points flattened. */
    static final List<String> QUANTITIES = List.of("entropyPerDim", "foregroundEntropy", "backgroundEntropy",
            "concentration", "knowledgePointsForeground", "knowledgePointsBackground", "knowledgePointRatio");

    private final String name;
    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    LayerSummary(String name) {
        this.name = name;
        QUANTITIES.forEach(q -> values.put(q, new ArrayList<>()));
    }

    String name() {
        return name;
    }

    /** @param layer one element of result.json's "layers" */
    void add(JsonObject layer) {
        JsonObject kp = layer.has("knowledgePoints") ? layer.getAsJsonObject("knowledgePoints") : new JsonObject();
        addValue("entropyPerDim", layer.get("entropyPerDim"));
        addValue("foregroundEntropy", layer.get("foregroundEntropy"));
        addValue("backgroundEntropy", layer.get("backgroundEntropy"));
        addValue("concentration", layer.get("concentration"));
        addValue("knowledgePointsForeground", kp.get("foreground"));
        addValue("knowledgePointsBackground", kp.get("background"));
        addValue("knowledgePointRatio", kp.get("ratio"));
    }

    private void addValue(String quantity, JsonElement v) {
        if (v != null && v.isJsonPrimitive() && Double.isFinite(v.getAsDouble())) {
            values.get(quantity).add(v.getAsDouble());
        }
    }

    int count(String quantity) {
        return values.get(quantity).size();
    }

    double mean(String quantity) {
        return values.get(quantity).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n - 1); NaN below two values. */
    double std(String quantity) {
        List<Double> v = values.get(quantity);
        if (v.size() < 2) {
            return Double.NaN;
        }
        double mean = mean(quantity);
        double sum = 0;
        for (double x : v) {
            sum += (x - mean) * (x - mean);
        }
        return Math.sqrt(sum / (v.size() - 1));
    }
}
