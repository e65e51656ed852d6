package org.sieve.findings;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sieve.SieveException;
import org.sieve.metrics.DepthFalls;

/**
 * One finished `sieve batch` as the findings read it: the model, the metric, each layer's mean
 * and spread of every summarised quantity (summary.json), the largest falls with depth, and how
 * many layer results converged (from each image's result.json).
 *
 * @param layers per layer name in depth order, per quantity of summary.json, its statistics
 */
record BatchResults(String model, String metric, int images, Map<String, Map<String, Stat>> layers,
        DepthFalls fallsWithDepth, int converged, int layerResults) {

    /** Mean, sample standard deviation and count of one quantity over the images. */
    record Stat(double mean, double std, int n) {

        /** Standard error of the mean. */
        double se() {
            return std / Math.sqrt(n);
        }
    }

    static BatchResults read(Path folder) {
        JsonObject summary = json(folder.resolve("summary.json"));
        Map<String, Map<String, Stat>> layers = new LinkedHashMap<>();
        for (JsonElement e : summary.getAsJsonArray("layers")) {
            JsonObject layer = e.getAsJsonObject();
            Map<String, Stat> stats = new LinkedHashMap<>();
            for (var q : layer.entrySet()) {
                if (q.getValue().isJsonObject()) {
                    JsonObject s = q.getValue().getAsJsonObject();
                    stats.put(q.getKey(), new Stat(number(s.get("mean")), number(s.get("std")), s.get("n").getAsInt()));
                }
            }
            layers.put(layer.get("name").getAsString(), stats);
        }
        int converged = 0;
        int results = 0;
        for (Path result : results(folder)) {
            for (JsonElement l : json(result).getAsJsonArray("layers")) {
                results++;
                converged += l.getAsJsonObject().has("converged") && l.getAsJsonObject().get("converged")
                        .getAsBoolean() ? 1 : 0;
            }
        }
        return new BatchResults(summary.getAsJsonObject("model").get("id").getAsString(),
                summary.get("metric").getAsString(), summary.getAsJsonObject("images").get("analysed").getAsInt(),
                layers, new Gson().fromJson(summary.get("fallsWithDepth"), DepthFalls.class), converged, results);
    }

    List<String> layerNames() {
        return List.copyOf(layers.keySet());
    }

    Stat stat(String layer, String quantity) {
        return layers.get(layer).get(quantity);
    }

    /** Per layer, the mean of a quantity. */
    double[] means(String quantity) {
        return layers.values().stream().mapToDouble(s -> s.get(quantity).mean()).toArray();
    }

    private static List<Path> results(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return new ArrayList<>(files.filter(p -> p.getFileName().toString().equals("result.json")).sorted()
                    .toList());
        } catch (IOException e) {
            throw new SieveException("Cannot list " + folder + ": " + e.getMessage());
        }
    }

    private static JsonObject json(Path file) {
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new SieveException("Cannot read " + file + " (" + e.getMessage() + "); run scripts/findings.sh"
                    + " again to finish its batches.");
        }
    }

    private static double number(JsonElement e) {
        return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }
}
