package org.sieve.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sieve.analysis.AnalysisResult;
import org.sieve.analysis.ClassScores;
import org.sieve.analysis.Reconstructions;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;

/** The words around maps and on sheets: titles, the line under a map, what a sheet shows, its file name. */
public final class Captions {

    private Captions() {
    }

    /** The line under a layer's name: its mean value and distortion ratio. */
    public static String values(AnalysisResult result, LayerResult l) {
        return String.format(Locale.ROOT, "%s = %.3f · D/D0 = %.2f", result.request().settings().metric().meanSymbol(),
                l.entropyPerDim(), l.distortionRatio());
    }

    /** The line under a reconstruction's title. */
    public static String reconstruction(AnalysisResult result, LayerResult l) {
        return String.format(Locale.ROOT, "MSE %.4f", Reconstructions.meanSquaredError(result.request().image(), l));
    }

    public static String title(List<SheetPanel> panels) {
        if (panels.size() == 1) {
            return "What each layer of " + modelName(panels.get(0)) + " discards";
        }
        String a = modelName(panels.get(0));
        String b = modelName(panels.get(1));
        return a.equals(b) ? a + ": two analyses compared" : a + " vs " + b;
    }

    private static String modelName(SheetPanel p) {
        String name = p.result().request().model().metadata().name();
        return name == null || name.isBlank() ? p.result().request().model().id() : name;
    }

    /** What the maps show, one sentence per metric on the sheet. */
    public static String description(List<SheetPanel> panels) {
        Map<Metric, String> sentences = new LinkedHashMap<>();
        for (SheetPanel p : panels) {
            sentences.computeIfAbsent(EntropyCurves.metric(p), m -> m == Metric.RECONSTRUCTION_UNCERTAINTY
                    ? "Reconstruction uncertainty (metric 2): how uncertain the input is when a decoder rebuilds it"
                    + " from the layer's features; under each map, what the decoder rebuilds."
                    : "Pixel-wise information discarding (Ma et al., ICML 2022): the entropy of the largest noise"
                    + " each region takes while the layer's features stay within tau of the original.");
        }
        // A feature extractor's sheet says why no class is named anywhere.
        Stream<String> none = panels.stream().map(p -> ClassScores.none(p.result().request().model().metadata()))
                .filter(n -> n != null).distinct().map(n -> n + ".");
        return Stream.concat(sentences.values().stream(), none).collect(Collectors.joining(" "));
    }

    public static String settings(List<SheetPanel> panels) {
        DiscardingSettings st = panels.get(0).result().request().settings();
        var grid = panels.get(0).result().discarding().grid();
        return String.format(Locale.ROOT, "tau = %s · sigma0 = %s · grid %dx%d · up to %d steps · %d draws/step ·"
                        + " seed %d · %s", number(st.tau()), number(st.sigma0()), grid.rows(), grid.columns(),
                st.maxSteps(), st.draws(), st.seed(), st.device().id());
    }

    /** A setting or range end as a person writes it: six significant digits, no trailing zeros (1.5, 0.01, 1000). */
    public static String number(double v) {
        return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** What the colours mean, for the sheet's foot. */
    public static String colours(MapScales scales, List<SheetPanel> panels) {
        String labels = scales.perLayer()
                ? panels.stream().map(p -> EntropyCurves.metric(p).mapLabel()).distinct().collect(Collectors.joining(
                " and "))
                : scales.sharedScales().stream().map(s -> s.label()).collect(Collectors.joining(" and "));
        return "colours: " + labels + ", " + scales.range().describe()
                + (scales.clips() ? "; hatched cells lie beyond the colour bar" : "");
    }

    /**
     * A file name that says what the sheet holds, e.g. "lenet5-mnist_0-7_information-discarding.png"
     * or "lenet5-mnist-vs-mlp-mnist_0-7_ru.png".
     */
    public static String fileName(List<SheetPanel> panels) {
        String models = panels.stream().map(p -> p.result().request().model().id()).distinct()
                .collect(Collectors.joining("-vs-"));
        String images = panels.stream().map(p -> stem(p.result().request().image().source())).distinct()
                .collect(Collectors.joining("-vs-"));
        String metrics = panels.stream().map(p -> EntropyCurves.metric(p).id()).distinct()
                .collect(Collectors.joining("-vs-"));
        return Stream.of(models, images, metrics).map(Captions::safe).collect(Collectors.joining("_")) + ".png";
    }

    /** The image's file name without its extension, e.g. "0-7". */
    public static String stem(String source) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
