package org.sieve.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.sieve.SieveException;
import org.sieve.analysis.Classifier;
import org.sieve.image.PreparedImage;
import org.sieve.model.Model;
import org.sieve.model.ModelKind;
import org.sieve.model.ModelMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sieve predict}: what a model predicts for one image. */
@Command(name = "predict",
        header = "Show a model's prediction for one image.",
        description = "Runs the model on one image (normalised as the model's sieve.json says) and prints the most"
                + " probable classes; with --json, the model's whole final output as well (a detector's class"
                + " scores instead of its heatmap).")
final class PredictCommand extends Subcommand {

    @Mixin
    ModelOption modelOption;

    @Mixin
    ImageOption imageOption;

    @Option(names = "--top", paramLabel = "K", description = "How many classes to list (default 5).")
    int top = 5;

    @Option(names = "--json", description = "Print one JSON object: 'output' (the model's final output values, flat,"
            + " as the model computes them; for a detector 'scores' instead, each class's maximum over its heatmap,"
            + " in label order) and 'top' (label and score, highest first).")
    boolean json;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new UsageException("--top must be at least 1, not " + top + ".");
        }
        Model model = modelOption.resolve();
        ModelMetadata meta = model.metadata();
        PreparedImage image = imageOption.load(meta.input());
        try (Classifier classifier = new Classifier(model)) {
            if (json) {
                // A detector's heatmap runs to megabytes of numbers; its class scores are what it predicts.
                boolean detector = meta.kind().type() == ModelKind.Type.DETECTOR;
                float[] values = detector ? classifier.probabilities(new float[][] {image.pixels()})[0]
                        : classifier.output(image.pixels());
                requireFinite(IntStream.range(0, values.length).mapToDouble(i -> values[i]), meta, image);
                List<Classifier.Prediction> best = meta.kind().predicts() ? classifier.top(image.pixels(), top) : List.of();
                JsonObject o = toJson(detector ? "scores" : "output", values, best);
                o.addProperty("kind", kindOf(meta, values.length));
                out().println(new GsonBuilder().disableHtmlEscaping().create().toJson(o));
                return 0;
            }
            List<Classifier.Prediction> best = classifier.top(image.pixels(), top);
            requireFinite(best.stream().mapToDouble(Classifier.Prediction::probability), meta, image);
            out().printf("%s on %s%n", meta.id(), image.source());
            TextTable table = new TextTable("RANK", "LABEL", "SCORE").alignRight(0, 2);
            for (int i = 0; i < best.size(); i++) {
                table.add(String.valueOf(i + 1), best.get(i).label(),
                        String.format(Locale.ROOT, "%.4f", best.get(i).probability()));
            }
            table.print(out());
        }
        return 0;
    }

    /** NaN is neither a score nor a JSON number: a model whose output is not finite has made no prediction. */
    private static void requireFinite(DoubleStream values, ModelMetadata meta, PreparedImage image) {
        if (values.anyMatch(v -> !Double.isFinite(v))) {
            throw new SieveException("Model " + meta.id() + " computes NaN or infinite values on " + image.source()
                    + ", so it predicts nothing. Check its normalisation (normalizationMean and normalizationStd in"
                    + " its sieve.json) and its weights.", SieveException.COMPUTE_FAILED, null);
        }
    }

    /** What the output is: "classifier", "score" (one value), "detector" or "feature-extractor" (a map). */
    private static String kindOf(ModelMetadata meta, int values) {
        return meta.kind().type() == ModelKind.Type.CLASSIFIER && values == 1 ? "score" : meta.kind().type().json();
    }

    private static JsonObject toJson(String name, float[] numbers, List<Classifier.Prediction> best) {
        JsonObject o = new JsonObject();
        JsonArray values = new JsonArray();
        for (float v : numbers) {
            values.add(v);
        }
        o.add(name, values);
        JsonArray list = new JsonArray();
        for (Classifier.Prediction p : best) {
            JsonObject entry = new JsonObject();
            entry.addProperty("label", p.label());
            entry.addProperty("score", p.probability());
            list.add(entry);
        }
        o.add("top", list);
        return o;
    }
}
