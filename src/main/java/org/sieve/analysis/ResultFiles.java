package org.sieve.analysis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sieve.Sha256;
import org.sieve.io.SafeNames;
import org.sieve.io.StagedFolder;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.render.ColourMap;
import org.sieve.render.ColourScale;
import org.sieve.render.HeatmapRenderer;
import org.sieve.render.Png;

/**
 * Writes an analysis into a folder: result.json, entropy.csv (one row per layer) and one PNG
 * per layer, all heatmaps on one shared colour scale so layers compare at a glance.
 */
public final class ResultFiles {

    public static final String ENTROPY_LABEL = Metric.INFORMATION_DISCARDING.mapLabel();
    public static final String UNCERTAINTY_LABEL = Metric.RECONSTRUCTION_UNCERTAINTY.mapLabel();
    private static final int PANEL_SIZE = 336;
    private static final double OPACITY = 0.75;

    private ResultFiles() {
    }

    /** @return the files written */
    public static List<Path> write(AnalysisResult result, Path dir) {
        return write(result, Set.of(), dir);
    }

    /**
     * result.json is written last, so its presence means the folder is complete (batches resume on it).
     *
     * @param cachedLayers layers that came from the result cache, marked in result.json
     * @return the files written
     */
    public static List<Path> write(AnalysisResult result, Set<String> cachedLayers, Path dir) {
        // Staged inside dir and moved in together: a full disk halfway leaves no heatmaps without result.json.
        try (StagedFolder staged = StagedFolder.in(dir)) {
            staged.write("entropy.csv", csv(result).getBytes(StandardCharsets.UTF_8));
            List<LayerResult> ok = result.discarding().layers().stream().filter(LayerResult::ok).toList();
            if (!ok.isEmpty()) {
                ColourScale scale = ColourScale.shared(label(result),
                        ok.stream().map(LayerResult::entropyMap).toArray(float[][][]::new));
                PreparedImage input = result.request().image();
                for (LayerResult l : ok) {
                    staged.write(fileName(l.name()) + ".png", Png.content(HeatmapRenderer.render(input.grayscale(),
                            l.entropyMap(), scale, ColourMap.VIRIDIS, OPACITY, l.name(), subtitle(result, l),
                            PANEL_SIZE)));
                    var rebuilt = Reconstructions.render(input, l, PANEL_SIZE);
                    if (rebuilt != null) {
                        staged.write(fileName(l.name()) + "-reconstruction.png", Png.content(rebuilt));
                    }
                }
            }
            staged.write("result.json", ResultJson.toText(result, cachedLayers).getBytes(StandardCharsets.UTF_8));
            return staged.commit();
        }
    }

    /** The colour bar's label for the result's metric. */
    public static String label(AnalysisResult result) {
        return result.request().settings().metric().mapLabel();
    }

    /** One line a person reads under a heatmap. */
    public static String subtitle(AnalysisResult result, LayerResult l) {
        return String.format(Locale.ROOT, "%s = %.3f nats/dim · D/D0 = %.2f%s",
                result.request().settings().metric().meanSymbol(), l.entropyPerDim(),
                l.distortionRatio(), l.converged() ? "" : " · not converged");
    }

    /**
     * Layer names may hold '/' or ':'; file names may not. A name that had to change gets a
     * short hash of itself, so "a/b" and "a_b" never write the same file.
     */
    public static String fileName(String layer) {
        String safe = SafeNames.fileNamePart(layer);
        return safe.equals(layer) ? safe : safe + "-" + Sha256.ofText(layer).substring(0, 8);
    }

    /**
     * One CSV field: quoted when it holds a separator, quote or line break, and with a leading
     * ' when a spreadsheet would take it for a formula (=, +, -, @).
     */
    static String csvField(String text) {
        String t = text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
        return t.matches("[^,\"\r\n]*") && t.equals(text) ? t : '"' + t.replace("\"", "\"\"") + '"';
    }

    static String csv(AnalysisResult result) {
        StringBuilder out = new StringBuilder("layer,entropyPerDim,entropyTotal,entropyEnvelope,distortionRatio,"
                + "lambda,converged,saturatedCells,steps,seconds,foregroundEntropy,backgroundEntropy,concentration,"
                + "knowledgePointsForeground,knowledgePointsBackground,knowledgePointRatio,failure\n");
        for (LayerResult l : result.discarding().layers()) {
            var fg = l.foreground();
            out.append(csvField(l.name())).append(',')
                    .append(num(l.entropyPerDim())).append(',').append(num(l.entropyTotal())).append(',')
                    .append(num(l.entropyEnvelope())).append(',').append(num(l.distortionRatio())).append(',')
                    .append(num(l.lambda())).append(',').append(l.converged()).append(',')
                    .append(l.saturatedCells()).append(',').append(l.steps()).append(',')
                    .append(num(l.seconds())).append(',')
                    .append(fg == null ? "" : num(fg.foregroundEntropy())).append(',')
                    .append(fg == null ? "" : num(fg.backgroundEntropy())).append(',')
                    .append(fg == null ? "" : num(fg.concentration())).append(',')
                    .append(fg == null ? "" : fg.knowledgePointsForeground()).append(',')
                    .append(fg == null ? "" : fg.knowledgePointsBackground()).append(',')
                    .append(fg == null ? "" : num(fg.knowledgePointRatio())).append(',')
                    .append(l.failure() == null ? "" : csvField(l.failure())).append('\n');
        }
        return out.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

}
