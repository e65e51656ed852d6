package org.sieve.analysis;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Set;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.ForegroundView;
import org.sieve.metrics.LayerResult;

/** result.json: everything needed to reproduce and read an analysis. Non-finite numbers become null. */
public final class ResultJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ResultJson() {
    }

    public static String toText(AnalysisResult result) {
        return toText(result, Set.of());
    }

    /** @param cachedLayers layers that came from the result cache, marked {@code "cached": true} */
    public static String toText(AnalysisResult result, Set<String> cachedLayers) {
        return GSON.toJson(toJson(result, cachedLayers)) + "\n";
    }

    public static JsonObject toJson(AnalysisResult result) {
        return toJson(result, Set.of());
    }

    public static JsonObject toJson(AnalysisResult result, Set<String> cachedLayers) {
        AnalysisRequest req = result.request();
        JsonObject root = new JsonObject();
        Version.stamp(root);
        JsonObject model = new JsonObject();
        model.addProperty("id", req.model().metadata().id());
        model.addProperty("name", req.model().metadata().name());
        model.addProperty("sha256", req.model().sha256());
        root.add("model", model);
        JsonObject image = new JsonObject();
        image.addProperty("path", req.image().source());
        image.addProperty("sha256", req.image().sha256());
        image.add("preprocessing", GSON.toJsonTree(req.image().preprocessing()));
        root.add("image", image);
        root.addProperty("metric", req.settings().metric().id());
        root.add("seconds", number(result.seconds()));
        root.add("settings", settings(req.settings(), result.discarding().grid().rows(),
                result.discarding().grid().columns()));
        if (req.mask() != null) {
            JsonObject mask = new JsonObject();
            mask.addProperty("description", req.mask().description());
            mask.addProperty("foregroundPixels", req.mask().foregroundCount());
            mask.addProperty("knowledgePointThreshold", org.sieve.metrics.ForegroundViews.KNOWLEDGE_POINT_THRESHOLD);
            root.add("mask", mask);
        }
        JsonArray layers = new JsonArray();
        result.discarding().layers().forEach(l -> layers.add(layer(l, cachedLayers.contains(l.name()))));
        root.add("layers", layers);
        return root;
    }

    static JsonObject settings(DiscardingSettings s, int rows, int columns) {
        JsonObject o = new JsonObject();
        o.add("tau", number(s.tau()));
        o.add("sigma0", number(s.sigma0()));
        JsonArray grid = new JsonArray();
        grid.add(rows);
        grid.add(columns);
        o.add("grid", grid);
        o.addProperty("draws", s.draws());
        o.addProperty("checkDraws", s.checkDraws());
        o.addProperty("steps", s.maxSteps());
        o.add("learningRate", number(s.learningRate()));
        o.add("levelRate", number(s.levelRate()));
        o.add("sigmaMin", number(s.sigmaMin()));
        o.add("sigmaMax", number(s.sigmaMax()));
        o.addProperty("seed", s.seed());
        o.addProperty("device", s.device().id());
        o.addProperty("phi", s.phi().name().toLowerCase(java.util.Locale.ROOT));
        return o;
    }

    private static JsonObject layer(LayerResult l, boolean cached) {
        JsonObject o = new JsonObject();
        o.addProperty("name", l.name());
        o.add("outputShape", GSON.toJsonTree(l.outputShape()));
        o.add("entropyPerDim", number(l.entropyPerDim()));
        o.add("entropyTotal", number(l.entropyTotal()));
        o.add("entropyEnvelope", number(l.entropyEnvelope()));
        o.add("distortionRatio", number(l.distortionRatio()));
        o.add("lambda", number(l.lambda()));
        o.addProperty("converged", l.converged());
        o.addProperty("saturatedCells", l.saturatedCells());
        o.addProperty("steps", l.steps());
        o.add("seconds", number(l.seconds()));
        o.addProperty("cached", cached);
        o.add("sigma", grid(l.sigma()));
        o.add("entropyMap", grid(l.entropyMap()));
        if (l.reconstruction() != null) {
            o.add("reconstruction", GSON.toJsonTree(l.reconstruction()));
        }
        ForegroundView fg = l.foreground();
        if (fg != null) {
            o.add("foregroundEntropy", number(fg.foregroundEntropy()));
            o.add("backgroundEntropy", number(fg.backgroundEntropy()));
            o.add("concentration", number(fg.concentration()));
            JsonObject kp = new JsonObject();
            kp.addProperty("foreground", fg.knowledgePointsForeground());
            kp.addProperty("background", fg.knowledgePointsBackground());
            kp.add("ratio", number(fg.knowledgePointRatio()));
            o.add("knowledgePoints", kp);
        }
        if (l.failure() != null) {
            o.addProperty("failure", l.failure());
        }
        return o;
    }

    private static JsonElement grid(float[][] rows) {
        if (rows == null) {
            return JsonNull.INSTANCE;
        }
        JsonArray out = new JsonArray();
        for (float[] row : rows) {
            JsonArray r = new JsonArray();
            for (float v : row) {
                r.add(number(v));
            }
            out.add(r);
        }
        return out;
    }

    static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    static JsonElement number(float v) {
        return Float.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    /** For tests and tools reading a result back. */
    public static JsonObject parse(String text) {
        return GSON.fromJson(text, JsonObject.class);
    }

    /** For tests reading other JSON the command line prints. */
    public static final Gson GSON_FOR_TESTS = GSON;

}
