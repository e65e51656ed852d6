package org.sieve.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.sieve.analysis.AnalysisResult;
import org.sieve.analysis.Reconstructions;
import org.sieve.analysis.ResultFiles;
import org.sieve.analysis.Version;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.Metric;
import org.sieve.render.ColourMap;
import org.sieve.render.ColourScale;
import org.sieve.render.HeatmapRenderer;

/**
 * A presentation-ready PNG of one or two analyses: title, the settings, per panel a strip of
 * layer heatmaps on one colour scale shared by all panels (with its colour bar), for metric 2 the
 * input and each layer's reconstruction of it under the maps, and the layer-wise curves of all
 * panels on one chart. Pure Java2D, so the explorer's export and {@code sieve snapshot} draw the
 * same sheet, with or without a display.
 */
public final class ComparisonSheet {

    public static final int MIN_WIDTH = 640;
    public static final int MAX_WIDTH = 7680;
    /** Heatmap panels narrower than this wrap into further rows. */
    private static final int MIN_PANEL = 150;

    private ComparisonSheet() {
    }

    /**
     * @param width   of the PNG in pixels; the height follows from the content
     * @param opacity weight of the heatmap colour over the image, 0 to 1
     */
    public static BufferedImage render(List<SheetPanel> panels, ColourMap map, double opacity, int width) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a sheet needs at least one analysed panel");
        }
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException("sheet width " + width + " outside " + MIN_WIDTH + ".." + MAX_WIDTH);
        }
        double s = width / 1600.0;
        int margin = (int) Math.round(40 * s);
        int inner = width - 2 * margin;
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(34 * s));
        Font lineFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.max(11, Math.round(18 * s)));
        Font rowFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(12, Math.round(22 * s)));
        Font footFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.max(10, Math.round(14 * s)));

        Map<Metric, ColourScale> scales = sharedScales(panels.stream().map(SheetPanel::result).toList());
        // Metric 2 adds a column before the maps: the input, beside the layers' reconstructions of it.
        int lead = panels.stream().anyMatch(p -> rebuilt(p.result())) ? 1 : 0;
        int gap = (int) Math.round(18 * s);
        // Two panels of a few layers each read best side by side; more layers need the full width.
        boolean sideBySide = panels.size() == 2 && panels.stream().allMatch(p -> okLayers(p) <= 3);
        int blockWidth = sideBySide ? (inner - 2 * gap) / 2 : inner;
        List<BufferedImage> blocks = new ArrayList<>();
        List<String> rowTitles = new ArrayList<>();
        // One heatmap size for every panel, so the rows compare: set by the panel with most layers.
        int most = panels.stream().mapToInt(ComparisonSheet::okLayers).max().orElse(1);
        int perRow = Math.max(1, Math.min(Math.max(1, most),
                (int) (blockWidth / (MIN_PANEL * Math.max(1, s))) - lead));
        int rows = (Math.max(1, most) + perRow - 1) / perRow;
        perRow = (Math.max(1, most) + rows - 1) / rows;
        int panelSize = (int) Math.max(64, Math.min(360 * s, blockWidth / (perRow + lead + 0.6) * 0.9));
        for (SheetPanel p : panels) {
            rowTitles.add((panels.size() > 1 ? p.label() + " · " : "") + p.caption());
            blocks.add(strips(p, scales.get(EntropyCurves.metric(p)), map, opacity, blockWidth, perRow, panelSize,
                    s));
        }
        BufferedImage chart = EntropyCurves.chart(panels).render(inner,
                (int) Math.round(Math.max(300, Math.min(0.55 * inner, 520 * s))));

        FontMetrics tm = metrics(titleFont);
        FontMetrics lm = metrics(lineFont);
        FontMetrics rm = metrics(rowFont);
        FontMetrics fm = metrics(footFont);
        int height = margin + tm.getHeight() + lm.getHeight() * 2 + gap;
        if (sideBySide) {
            height += rm.getHeight() + gap / 2 + Math.max(blocks.get(0).getHeight(), blocks.get(1).getHeight()) + gap;
        } else {
            for (BufferedImage b : blocks) {
                height += rm.getHeight() + gap / 2 + b.getHeight() + gap;
            }
        }
        height += chart.getHeight() + gap + fm.getHeight() + margin;

        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int y = margin + tm.getAscent();
            g.setColor(Color.BLACK);
            text(g, title(panels), titleFont, margin, y, inner);
            y += tm.getDescent() + lm.getAscent() + gap / 3;
            g.setColor(new Color(0x333333));
            text(g, description(panels), lineFont, margin, y, inner);
            y += lm.getHeight();
            text(g, settingsLine(panels.get(0).result().request().settings(), panels), lineFont, margin, y, inner);
            y += lm.getDescent() + gap;
            if (sideBySide) {
                y += rm.getAscent();
                g.setColor(Color.BLACK);
                for (int i = 0; i < 2; i++) {
                    text(g, rowTitles.get(i), rowFont, margin + i * (blockWidth + 2 * gap), y, blockWidth);
                }
                y += rm.getDescent() + gap / 2;
                for (int i = 0; i < 2; i++) {
                    g.drawImage(blocks.get(i), margin + i * (blockWidth + 2 * gap), y, null);
                }
                y += Math.max(blocks.get(0).getHeight(), blocks.get(1).getHeight()) + gap;
            } else {
                for (int i = 0; i < blocks.size(); i++) {
                    y += rm.getAscent();
                    g.setColor(Color.BLACK);
                    text(g, rowTitles.get(i), rowFont, margin, y, inner);
                    y += rm.getDescent() + gap / 2;
                    g.drawImage(blocks.get(i), margin, y, null);
                    y += blocks.get(i).getHeight() + gap;
                }
            }
            g.drawImage(chart, margin, y, null);
            y += chart.getHeight() + gap + fm.getAscent();
            g.setColor(Color.GRAY);
            text(g, "Sieve " + Version.SIEVE + " · " + LocalDate.now() + " · colour: " + colours(scales, panels),
                    footFont, margin, y, inner);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int okLayers(SheetPanel p) {
        return (int) p.result().discarding().layers().stream().filter(LayerResult::ok).count();
    }

    /** Whether the result's layers come with reconstructions of the input (metric 2). */
    public static boolean rebuilt(AnalysisResult result) {
        return result.discarding().layers().stream().anyMatch(l -> l.ok() && l.reconstruction() != null);
    }

    /**
     * One colour scale per metric over every successful layer of every result, so that maps of one
     * quantity compare by colour; a metric without a successful layer has none.
     */
    public static Map<Metric, ColourScale> sharedScales(List<AnalysisResult> results) {
        Map<Metric, List<float[][]>> maps = new EnumMap<>(Metric.class);
        for (AnalysisResult r : results) {
            Metric metric = r.request().settings().metric();
            for (LayerResult l : r.discarding().layers()) {
                if (l.ok()) {
                    maps.computeIfAbsent(metric, m -> new ArrayList<>()).add(l.entropyMap());
                }
            }
        }
        Map<Metric, ColourScale> scales = new EnumMap<>(Metric.class);
        maps.forEach((m, list) -> scales.put(m, ColourScale.shared(m.mapLabel(), list.toArray(float[][][]::new))));
        return scales;
    }

    /** What the maps show, one sentence per metric on the sheet. */
    static String description(List<SheetPanel> panels) {
        Map<Metric, String> sentences = new LinkedHashMap<>();
        for (SheetPanel p : panels) {
            sentences.computeIfAbsent(EntropyCurves.metric(p), m -> m == Metric.RECONSTRUCTION_UNCERTAINTY
                    ? "Reconstruction uncertainty (metric 2): how uncertain the input is when a decoder rebuilds it"
                    + " from the layer's features; under each map, what the decoder rebuilds."
                    : "Pixel-wise information discarding (Ma et al., ICML 2022): the entropy of the largest noise"
                    + " each region takes while the layer's features stay within tau of the original.");
        }
        return String.join(" ", sentences.values());
    }

    private static String colours(Map<Metric, ColourScale> scales, List<SheetPanel> panels) {
        if (scales.size() > 1) {
            return scales.values().stream().map(ColourScale::label).collect(Collectors.joining(" and "))
                    + ", one scale per quantity";
        }
        String label = scales.isEmpty() ? ResultFiles.label(panels.get(0).result())
                : scales.values().iterator().next().label();
        return label + ", one scale for every heatmap on this sheet";
    }

    /** The input drawn like a heatmap panel of the same size, to stand beside its reconstructions. */
    public static BufferedImage inputPanel(PreparedImage img, int panelSize) {
        return Reconstructions.imageOnly(img, "input", "what the model sees", panelSize);
    }

    static String title(List<SheetPanel> panels) {
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

    static String settingsLine(DiscardingSettings st, List<SheetPanel> panels) {
        var grid = panels.get(0).result().discarding().grid();
        return String.format(Locale.ROOT, "tau = %s · sigma0 = %s · grid %dx%d · up to %d steps · %d draws/step ·"
                        + " seed %d · %s", trim(st.tau()), trim(st.sigma0()), grid.rows(), grid.columns(),
                st.maxSteps(), st.draws(), st.seed(), st.device().id());
    }

    private static String trim(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
    }

    /** The panel's heatmaps in rows that fit {@code width}, each row with the colour bar at its end. */
    private static BufferedImage strips(SheetPanel p, ColourScale scale, ColourMap map, double opacity, int width,
                                        int perRow, int panelSize, double s) {
        PreparedImage img = p.result().request().image();
        List<LayerResult> ok = p.result().discarding().layers().stream().filter(LayerResult::ok).toList();
        if (ok.isEmpty()) {
            BufferedImage none = new BufferedImage(width, (int) Math.round(40 * s), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = none.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, none.getWidth(), none.getHeight());
            g.setColor(Color.RED.darker());
            text(g, "No layer of this panel has a result.", new Font(Font.SANS_SERIF, Font.PLAIN,
                    (int) Math.max(11, 16 * s)), 0, none.getHeight() * 2 / 3, width);
            g.dispose();
            return none;
        }
        int rows = (ok.size() + perRow - 1) / perRow;
        List<BufferedImage> rendered = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<LayerResult> part = ok.subList(r * perRow, Math.min(ok.size(), (r + 1) * perRow));
            BufferedImage strip = HeatmapRenderer.renderStrip(img, part.stream().map(LayerResult::entropyMap).toList(),
                    part.stream().map(LayerResult::name).toList(), part.stream().map(l -> ResultFiles.subtitle(p.result(), l)).toList(),
                    scale, map, opacity, panelSize);
            rendered.add(fit(rebuilt(p.result()) ? withReconstructions(strip, img, part, panelSize) : strip, width));
        }
        int h = rendered.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, h);
        int y = 0;
        for (BufferedImage r : rendered) {
            g.drawImage(r, 0, y, null);
            y += r.getHeight();
        }
        g.dispose();
        return out;
    }

    /** Under a strip of maps: the input, then each layer's reconstruction below that layer's map. */
    private static BufferedImage withReconstructions(BufferedImage strip, PreparedImage img, List<LayerResult> layers,
                                                     int panelSize) {
        BufferedImage input = inputPanel(img, panelSize);
        // Panels of one size and image are equally wide, maps and reconstructions alike.
        int w = input.getWidth();
        BufferedImage out = new BufferedImage(w + strip.getWidth(), strip.getHeight() + input.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(strip, w, 0, null);
            g.drawImage(input, 0, strip.getHeight(), null);
            for (int i = 0; i < layers.size(); i++) {
                BufferedImage rebuilt = Reconstructions.render(img, layers.get(i), panelSize);
                if (rebuilt != null) {
                    g.drawImage(rebuilt, w * (i + 1), strip.getHeight(), null);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Shrinks an image wider than {@code width}, keeping its aspect ratio. */
    private static BufferedImage fit(BufferedImage img, int width) {
        if (img.getWidth() <= width) {
            return img;
        }
        int h = Math.max(1, (int) Math.round(img.getHeight() * (double) width / img.getWidth()));
        BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, width, h, null);
        g.dispose();
        return out;
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = one.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    /** Draws s from x on baseline y, shortened with an ellipsis to fit maxWidth. */
    private static void text(Graphics2D g, String s, Font font, int x, int y, int maxWidth) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        String shown = s;
        if (m.stringWidth(shown) > maxWidth) {
            int n = shown.length();
            while (n > 0 && m.stringWidth(shown.substring(0, n) + "…") > maxWidth) {
                n--;
            }
            shown = shown.substring(0, n) + "…";
        }
        g.drawString(shown, x, y);
    }
}
