package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.image.ForegroundChoice;
import org.sieve.image.ForegroundMask;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.render.ColourMap;
import org.sieve.render.Png;
import org.sieve.report.ColourRange;
import org.sieve.report.ComparisonSheet;
import org.sieve.report.MapStyle;
import org.sieve.report.SheetPanel;
import org.sieve.report.SheetSize;
import org.sieve.service.AnalysisService;
import org.sieve.service.JobHandle;
import org.sieve.service.JobListener;
import org.sieve.service.Priority;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sieve snapshot}: the explorer's comparison sheet without a display, for tests and for
 * preparing many slides at once.
 */
@Command(name = "snapshot",
        header = "Write the explorer's comparison sheet (heatmaps, colour bar, curves) as a PNG.",
        description = "Analyses the image and writes the explorer's comparison sheet as one PNG: title, settings, the"
                + " layers' heatmaps on one shared colour scale with a colour bar, and the layer-wise entropy curve."
                + " With --compare-model or --compare-image the sheet holds two analyses side by side in rows,"
                + " their curves on one chart.")
final class SnapshotCommand extends Subcommand {

    @Mixin
    AnalysisTarget target = new AnalysisTarget(LayerChoice.CONV);

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the sheet.")
    Path outFile;

    @ArgGroup
    Second second;

    /** What the second panel changes: the model or the image. */
    static final class Second {
        @Option(names = "--compare-model", paramLabel = "M2", description = "A second model on the same image.")
        String model;

        @Option(names = "--compare-image", paramLabel = "FILE", description = "A second image on the same model.")
        Path image;
    }

    @Option(names = "--compare-layers", paramLabel = "SPEC", description = "Layers of the second panel (default:"
            + " conv, or --layers when the second panel uses the same model).")
    LayerChoice compareLayers;

    @Option(names = "--mask", paramLabel = "auto|FILE|x,y,w,h", description = "The foreground; adds foreground"
            + " and background curves.")
    ForegroundChoice foreground;

    @Option(names = "--size", paramLabel = "WxH", description = "The sheet's exact size in pixels (default 1920x1080;"
            + " also 2560x1440, 3840x2160, or any from " + SheetSize.MIN_WIDTH + "x" + SheetSize.MIN_HEIGHT + " to "
            + SheetSize.MAX_WIDTH + "x" + SheetSize.MAX_HEIGHT + ").")
    String size;

    @Option(names = "--width", paramLabel = "W", description = "A 16:9 sheet this wide (--size Wx(W*9/16)).")
    Integer width;

    @Option(names = "--colour-map", paramLabel = "NAME", completionCandidates = ColourMapNames.class,
            description = "One of ${COMPLETION-CANDIDATES} (default viridis).")
    ColourMap colourMap = ColourMap.VIRIDIS;

    /** The colour maps as the option takes them, for the help and for completion. */
    static final class ColourMapNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ColourMap.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    @Option(names = "--colour-range", paramLabel = "R", description = "robust (default: 2nd to 98th percentile of"
            + " every map on the sheet, cells beyond drawn hatched), full, robust-per-layer, full-per-layer, or"
            + " MIN,MAX (e.g. -4,-1).")
    String colourRange = ColourRange.DEFAULT.id();

    @Option(names = "--opacity", paramLabel = "A", description = "Heatmap over image, 0 to 1 (default "
            + MapStyle.DEFAULT_OPACITY + ").")
    double opacity = MapStyle.DEFAULT_OPACITY;

    @Mixin
    CacheOption cache;

    @Mixin
    AnalysisOptions analysis;

    @Override
    public Integer call() {
        PrintStream err = err();
        MapStyle style = style();
        SheetSize sheetSize = sheetSize();
        Model model = target.model.resolve();
        LayerChoice layerChoice = target.layers.choice;
        Path imagePath = target.image.file;
        List<Panel> panels = new ArrayList<>();
        panels.add(panel("A", model, imagePath, layerChoice));
        if (second != null && second.model != null) {
            Model other = target.model.catalogue.catalogue().resolve(second.model);
            LayerChoice layers = compareLayers != null ? compareLayers
                    : other.sha256().equals(model.sha256()) ? layerChoice : LayerChoice.CONV;
            panels.add(panel("B", other, imagePath, layers));
        } else if (second != null) {
            panels.add(panel("B", model, second.image, compareLayers != null ? compareLayers : layerChoice));
        }

        ConsoleProgress progress = ConsoleProgress.on(err);
        List<SheetPanel> sheet = new ArrayList<>();
        try (AnalysisService service = new AnalysisService(cache.open())) {
            List<JobHandle> jobs = new ArrayList<>();
            for (Panel p : panels) {
                jobs.add(service.submit(p.request(), Priority.INTERACTIVE,
                        AnalyzeCommand.withWarnings(JobListener.forwardingTo(progress), err)));
            }
            for (int i = 0; i < jobs.size(); i++) {
                sheet.add(new SheetPanel(panels.get(i).label(), panels.get(i).caption(), jobs.get(i).await().analysis()));
            }
        } finally {
            progress.finish();
        }
        Png.write(ComparisonSheet.render(sheet, style, sheetSize), outFile);
        err.println("Sheet written to " + outFile.toAbsolutePath());
        boolean failed = sheet.stream().anyMatch(p -> p.result().discarding().layers().stream().anyMatch(l -> !l.ok()));
        return failed ? Main.PARTIAL : 0;
    }

    private record Panel(String label, String caption, AnalysisRequest request) {
    }

    private Panel panel(String label, Model model, Path image, LayerChoice choice) {
        ModelMetadata meta = model.metadata();
        List<String> layers = choice.in(model.network());
        DiscardingSettings settings = analysis.resolve(model, layers, err());
        PreparedImage prepared = target.image.fitting.load(image, meta.input());
        ForegroundMask mask = foreground == null ? null : foreground.on(prepared);
        ImageNotes.print(meta, prepared, foreground, err());
        String name = meta.name() == null || meta.name().isBlank() ? meta.id() : meta.name();
        return new Panel(label, name + " · " + image.getFileName(),
                new AnalysisRequest(model, prepared, layers, mask, settings));
    }

    /** Colours, opacity and colour range; each wrong value named with what is allowed. */
    private MapStyle style() {
        ColourRange range;
        try {
            range = ColourRange.parse(colourRange);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--colour-range: " + e.getMessage());
        }
        try {
            return new MapStyle(colourMap, opacity, range);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--opacity: " + e.getMessage());
        }
    }

    private SheetSize sheetSize() {
        if (size != null && width != null) {
            throw new UsageException("Give --size or --width, not both.");
        }
        try {
            return width != null ? SheetSize.ofWidth(width) : size != null ? SheetSize.parse(size) : SheetSize.FULL_HD;
        } catch (IllegalArgumentException e) {
            throw new UsageException((width != null ? "--width: " : "--size: ") + e.getMessage());
        }
    }
}
