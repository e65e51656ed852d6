package org.sieve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.image.ForegroundMask;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.network.Layer;
import org.sieve.network.format.Model;
import org.sieve.network.format.ModelCatalogue;
import org.sieve.network.format.ModelMetadata;
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
import org.sieve.service.ResultCache;

/**
 * {@code sieve snapshot}: the explorer's comparison sheet without a display, for tests and for
 * preparing many slides at once.
 */
final class SnapshotCommand {

    static final String HELP = """
            Usage: sieve snapshot --model M --image FILE --out FILE.png [options]
              Analyses the image and writes the explorer's comparison sheet as one PNG: title,
              settings, the layers' heatmaps on one shared colour scale with a colour bar, and
              the layer-wise entropy curve. With --compare-model or --compare-image the sheet
              holds two analyses side by side in rows, their curves on one chart.
              --model M             bundled model id or model folder (see 'sieve models')
              --image FILE          PNG, JPEG, BMP or GIF
              --out FILE.png        where to write the sheet
              --layers SPEC         conv (default: every convolution layer, or every layer of a
                                    network without any), all, or L1,L2,...
              --compare-model M2    a second model on the same image
              --compare-image FILE  a second image on the same model
              --compare-layers SPEC layers of the second model (default: conv, or --layers when
                                    the second panel uses the same model)
              --mask auto|FILE|x,y,w,h
                                    foreground; adds foreground and background curves
              --crop                centre-crop to the model's aspect ratio instead of stretching
              --size WxH            the sheet's exact size in pixels (default 1920x1080; also
                                    2560x1440, 3840x2160, or any from 640x360 to 7680x4320)
              --width W             a 16:9 sheet this wide (--size Wx(W*9/16))
              --colour-map NAME     viridis (default), inferno, magma, plasma or grays
              --colour-range R      robust (default: 2nd to 98th percentile of every map on the
                                    sheet, cells beyond drawn hatched), full, robust-per-layer,
                                    full-per-layer, or MIN,MAX (e.g. -4,-1)
              --opacity A           map over image, 0 to 1 (default 0.85)
              --metric M, --steps N, --seed S, --tau T, --sigma0 S, --grid RxC, --draws N,
              --device cpu|gpu      as for 'sieve analyze'
              --no-cache            compute every layer, neither reading nor writing the result cache
              --model-dir DIR       also look for models in DIR""";

    private SnapshotCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = Options.parse("snapshot", args, Set.of("model", "image", "out", "layers", "compare-model",
                "compare-image", "compare-layers", "mask", "width", "size", "colour-map", "colour-range", "opacity",
                "steps", "seed", "tau", "sigma0", "grid", "draws", "device", "model-dir", "metric"),
                Set.of("crop", "no-cache"));
        Path outFile = Path.of(o.require("out"));
        MapStyle style = style(o);
        SheetSize size = size(o);
        if (o.has("compare-model") && o.has("compare-image")) {
            throw new UsageException("Give --compare-model or --compare-image, not both: a sheet compares two panels.");
        }
        ModelCatalogue catalogue = Catalogues.of(o);
        Model model = catalogue.resolve(o.require("model"));
        Path imagePath = Path.of(o.require("image"));
        String layerSpec = o.get("layers", "conv");
        List<Panel> panels = new ArrayList<>();
        panels.add(panel("A", o, model, imagePath, layerSpec));
        if (o.has("compare-model")) {
            Model second = catalogue.resolve(o.get("compare-model", ""));
            String spec = o.get("compare-layers", second.sha256().equals(model.sha256()) ? layerSpec : "conv");
            panels.add(panel("B", o, second, imagePath, spec));
        } else if (o.has("compare-image")) {
            panels.add(panel("B", o, model, Path.of(o.get("compare-image", "")), o.get("compare-layers", layerSpec)));
        }

        ConsoleProgress progress = ConsoleProgress.on(err);
        List<SheetPanel> sheet = new ArrayList<>();
        try (AnalysisService service = new AnalysisService(o.has("no-cache") ? null : ResultCache.openDefault())) {
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
        Png.write(ComparisonSheet.render(sheet, style, size), outFile);
        err.println("Sheet written to " + outFile.toAbsolutePath());
        boolean failed = sheet.stream().anyMatch(p -> p.result().discarding().layers().stream().anyMatch(l -> !l.ok()));
        return failed ? Main.PARTIAL : 0;
    }

    private record Panel(String label, String caption, AnalysisRequest request) {
    }

    private static Panel panel(String label, Options o, Model model, Path imagePath, String layerSpec) {
        ModelMetadata meta = model.metadata();
        PreparedImage image = ImageLoader.load(imagePath, meta.inputHeight(), meta.inputWidth(), meta.inputChannels(),
                o.has("crop") ? ResizeMode.CENTRE_CROP : ResizeMode.STRETCH);
        ForegroundMask mask = o.has("mask") ? ForegroundMask.parse(o.get("mask", ""), image) : null;
        DiscardingSettings settings = AnalyzeCommand.settings(o, meta).validated(meta.inputHeight(), meta.inputWidth());
        String name = meta.name() == null || meta.name().isBlank() ? meta.id() : meta.name();
        List<String> layers = layers(model, layerSpec);
        AnalyzeCommand.requireDecoders(model, layers, settings);
        return new Panel(label, name + " · " + imagePath.getFileName(),
                new AnalysisRequest(model, image, layers, mask, settings));
    }

    /** "conv": the convolution layers (every layer when there are none); else as for analyze. */
    static List<String> layers(Model model, String spec) {
        if (spec.equalsIgnoreCase("conv")) {
            List<String> conv = model.network().analysableLayers().stream()
                    .filter(l -> l.kind().equals("Conv2D") || l.kind().equals("DepthwiseConv2D")
                            || l.kind().equals("SeparableConv2D"))
                    .map(Layer::name).toList();
            return conv.isEmpty() ? AnalyzeCommand.layers(model.network(), "all") : conv;
        }
        return AnalyzeCommand.layers(model.network(), spec);
    }

    /** Colours, opacity and colour range; each wrong value named with what is allowed. */
    private static MapStyle style(Options o) {
        ColourMap map = colourMap(o.get("colour-map", "viridis"));
        ColourRange range;
        try {
            range = ColourRange.parse(o.get("colour-range", ColourRange.DEFAULT.id()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--colour-range: " + e.getMessage());
        }
        try {
            return new MapStyle(map, o.number("opacity", MapStyle.DEFAULT_OPACITY), range);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--opacity: " + e.getMessage());
        }
    }

    private static SheetSize size(Options o) {
        if (o.has("size") && o.has("width")) {
            throw new UsageException("Give --size or --width, not both.");
        }
        try {
            return o.has("width") ? SheetSize.ofWidth(o.integer("width", 0, SheetSize.MIN_WIDTH))
                    : SheetSize.parse(o.get("size", SheetSize.FULL_HD.toString()));
        } catch (IllegalArgumentException e) {
            throw new UsageException((o.has("width") ? "--width: " : "--size: ") + e.getMessage());
        }
    }

    private static ColourMap colourMap(String name) {
        try {
            return ColourMap.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--colour-map must be viridis, inferno, magma, plasma or grays; got '" + name
                    + "'.");
        }
    }
}
