package org.sieve.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sieve.analysis.AnalysisResult;
import org.sieve.analysis.Reconstructions;
import org.sieve.analysis.Version;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.LayerResult;
import org.sieve.render.ColourBar;
import org.sieve.render.ColourScale;
import org.sieve.render.HeatmapRenderer;
import org.sieve.render.Text;

/**
 * A slide of one or two analyses in an exact frame: title, what the maps show and the settings;
 * per panel its layers' maps in rows with the colour bar beside them (for metric 2 the input and
 * each layer's reconstruction under the maps); the layer-wise curves of all panels on one chart.
 * The maps take as much of the frame as they can: the curves go below them or to their right,
 * whichever leaves the maps larger, and take what the maps leave. Text scales with the frame.
 * Pure Java2D, so the explorer's export and {@code sieve snapshot} draw the same sheet.
 */
public final class ComparisonSheet {

    /** The curves' share of the body when below the maps, and the range of it when beside them. */
    private static final double CURVES_BELOW = 0.34;
    private static final double CURVES_RIGHT_MIN = 0.30;
    private static final double CURVES_RIGHT_MAX = 0.40;

    private ComparisonSheet() {
    }

    /** Sizes that follow the frame: 1 unit is a pixel on a 1920x1080 sheet. */
    private record Type(int margin, int gap, Font title, Font line, Font panel, Font tile, Font small, Font foot) {

        static Type of(SheetSize size) {
            double u = Math.min(size.width() / 1920.0, size.height() / 1080.0);
            return new Type((int) Math.round(Math.max(12, 36 * u)), (int) Math.round(Math.max(6, 16 * u)),
                    font(Font.BOLD, 44 * u, 15), font(Font.PLAIN, 22 * u, 11), font(Font.BOLD, 28 * u, 12),
                    font(Font.BOLD, 22 * u, 11), font(Font.PLAIN, 18 * u, 10), font(Font.PLAIN, 16 * u, 10));
        }

        private static Font font(int style, double size, int least) {
            return Text.sans(style, (float) Math.max(least, size));
        }

        int lines(Font f, int n) {
            var fm = Text.metrics(f);
            return n * (fm.getAscent() + fm.getDescent());
        }
    }

    private record Box(int x, int y, int w, int h) {
        int right() {
            return x + w;
        }

        int bottom() {
            return y + h;
        }
    }

    /** One panel's maps as units: the optional lead column (metric 2's input), then a unit per layer. */
    private record Block(SheetPanel panel, List<LayerResult> layers, boolean rebuilt, String heading) {
        int units() {
            return layers.size() + (rebuilt ? 1 : 0);
        }

        int stack() {
            return rebuilt ? 2 : 1;
        }
    }

    /** Where the maps and the curves go, and how large the maps are. */
    private record Plan(Box maps, Box curves, boolean curvesRight, boolean sideBySide, double size) {
    }

    public static BufferedImage render(List<SheetPanel> panels, MapStyle style, SheetSize size) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a sheet needs at least one analysed panel");
        }
        Type type = Type.of(size);
        MapScales scales = MapScales.of(panels.stream().map(SheetPanel::result).toList(), style.range());
        List<Block> blocks = new ArrayList<>();
        for (SheetPanel p : panels) {
            List<LayerResult> ok = p.result().discarding().layers().stream().filter(LayerResult::ok).toList();
            blocks.add(new Block(p, ok, ok.stream().anyMatch(l -> l.reconstruction() != null),
                    (panels.size() > 1 ? p.label() + " · " : "") + p.caption()));
        }
        int inner = size.width() - 2 * type.margin();
        Text.Block title = Text.wrap(Captions.title(panels), type.title(), inner, 2);
        Text.Block about = Text.wrap(Captions.description(panels), type.line(), inner, 2);
        Text.Block settings = Text.wrap(Captions.settings(panels), type.line(), inner, 1);
        Text.Block foot = Text.wrap("Sieve " + Version.SIEVE + " · " + LocalDate.now() + " · "
                + Captions.colours(scales, panels), type.foot(), inner, 1);
        int top = type.margin() + title.height() + type.gap() / 2 + about.height() + settings.height() + type.gap();
        Box body = new Box(type.margin(), top, inner, size.height() - type.margin() - foot.height() - type.gap() - top);

        boolean flagged = blocks.stream().flatMap(b -> b.layers().stream()).anyMatch(l -> LayerWarnings.of(l).any());
        int label = type.lines(type.tile(), 1) + type.lines(type.small(), flagged ? 2 : 1) + type.gap() / 3
                + (scales.perLayer() ? miniBarHeight(type) : 0);
        int reserved = scales.perLayer() ? 0 : barWidth(scales, style, type) + type.gap();
        Plan plan = best(blocks, body, type, label, reserved);

        BufferedImage out = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Text.canvas(out);
        try {
            g.setColor(Color.BLACK);
            title.draw(g, type.margin(), type.margin(), false);
            int y = type.margin() + title.height() + type.gap() / 2;
            g.setColor(new Color(0x333333));
            about.draw(g, type.margin(), y, false);
            settings.draw(g, type.margin(), y + about.height(), false);
            Box curves = drawMaps(g, blocks, plan, type, label, reserved, scales, style);
            int fontSize = Math.round(type.small().getSize2D());
            g.drawImage(EntropyCurves.chart(panels).render(curves.w(), curves.h(), fontSize), curves.x(), curves.y(),
                    null);
            g.setColor(Color.GRAY);
            foot.draw(g, type.margin(), size.height() - type.margin() - foot.height(), false);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Of curves below or to the right, panels side by side or stacked: the plan with the largest
     * maps. Curves to the right are as wide as they can be without making the maps smaller.
     */
    private static Plan best(List<Block> blocks, Box body, Type type, int label, int reserved) {
        Plan best = null;
        for (boolean side : blocks.size() == 2 ? new boolean[] {true, false} : new boolean[] {true}) {
            int h = Math.max(170, (int) Math.round(CURVES_BELOW * body.h()));
            Box maps = new Box(body.x(), body.y(), body.w(), body.h() - h - type.gap());
            Plan below = plan(blocks, maps, new Box(body.x(), maps.bottom() + type.gap(), body.w(), h), false, side,
                    type, label, reserved);
            best = best == null || below.size() > best.size() + 0.5 ? below : best;
            // Beside the maps suits landscape frames only: on a portrait one the curves would be a sliver.
            if (body.w() < 1.2 * body.h()) {
                continue;
            }
            // Narrowest curves first, so the largest maps; then wider curves while the maps stay within 3%.
            Plan right = null;
            double largest = 0;
            for (double share = CURVES_RIGHT_MIN; share <= CURVES_RIGHT_MAX + 1e-9; share += 0.03) {
                int w = Math.max(260, (int) Math.round(share * body.w()));
                Box left = new Box(body.x(), body.y(), body.w() - w - type.gap(), body.h());
                Plan p = plan(blocks, left, new Box(left.right() + type.gap(), body.y(), w, body.h()), true, side,
                        type, label, reserved);
                if (right == null) {
                    largest = p.size();
                }
                if (right == null || p.size() >= 0.97 * largest) {
                    right = p;
                }
            }
            if (right.size() > best.size() + 0.5) {
                best = right;
            }
        }
        return best;
    }

    /** The maps' size with the panels in this box, side by side or stacked. */
    private static Plan plan(List<Block> blocks, Box maps, Box curves, boolean right, boolean side, Type type,
                             int label, int reserved) {
        double size = Double.MAX_VALUE;
        List<Box> boxes = split(maps, blocks.size(), side, type.gap());
        for (int i = 0; i < blocks.size(); i++) {
            Box b = boxes.get(i);
            size = Math.min(size, fit(blocks.get(i), b.w(), b.h() - headingHeight(blocks.get(i), b.w(), type), type,
                    label, reserved).size());
        }
        return new Plan(maps, curves, right, side, size);
    }

    private static TileFit fit(Block b, int width, int height, Type type, int label, int reserved) {
        return TileFit.of(b.units(), width, height, type.gap(), reserved, b.stack(), label, 0, Double.MAX_VALUE);
    }

    private static List<Box> split(Box maps, int n, boolean sideBySide, int gap) {
        if (n == 1) {
            return List.of(maps);
        }
        if (sideBySide) {
            int w = (maps.w() - gap) / 2;
            return List.of(new Box(maps.x(), maps.y(), w, maps.h()),
                    new Box(maps.x() + w + gap, maps.y(), w, maps.h()));
        }
        int h = (maps.h() - gap) / 2;
        return List.of(new Box(maps.x(), maps.y(), maps.w(), h), new Box(maps.x(), maps.y() + h + gap, maps.w(), h));
    }

    private static int headingHeight(Block b, int width, Type type) {
        return Text.wrap(b.heading(), type.panel(), width, 2).height() + type.gap() / 2;
    }

    /** A block at the common tile size: its rows, heading and extent. */
    private record Placed(Block block, TileFit fit, Text.Block heading, int w, int h) {
    }

    /**
     * Draws every panel's maps at one size, so that they compare, and returns the box left for the
     * curves: the plan's, grown by whatever the maps did not need.
     */
    private static Box drawMaps(Graphics2D g, List<Block> blocks, Plan plan, Type type, int label, int reserved,
                                MapScales scales, MapStyle style) {
        int size = (int) Math.max(8, Math.floor(plan.size()));
        List<Box> boxes = split(plan.maps(), blocks.size(), plan.sideBySide(), type.gap());
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            TileFit fit = TileFit.ofSize(Math.max(1, b.units()), boxes.get(i).w(), type.gap(), reserved, size);
            Text.Block heading = Text.wrap(b.heading(), type.panel(), boxes.get(i).w(), 2);
            int w = Math.max(heading.width(), fit.columns() * size + (fit.columns() - 1) * type.gap() + reserved);
            int h = heading.height() + type.gap() / 2 + fit.rows() * b.stack() * (label + size)
                    + (fit.rows() - 1) * type.gap();
            placed.add(new Placed(b, fit, heading, w, h));
        }
        // The maps keep what they use; the curves get the rest.
        Box maps = plan.maps();
        Box curves = plan.curves();
        boolean across = plan.sideBySide() && blocks.size() == 2;
        if (plan.curvesRight()) {
            int used = across ? placed.get(0).w() + type.gap() + placed.get(1).w()
                    : placed.stream().mapToInt(Placed::w).max().orElse(0);
            int right = Math.min(maps.right(), maps.x() + used);
            curves = new Box(right + type.gap(), curves.y(), curves.right() - right - type.gap(), curves.h());
        } else {
            int used = across ? placed.stream().mapToInt(Placed::h).max().orElse(0)
                    : placed.get(0).h() + (blocks.size() == 2 ? type.gap() + placed.get(1).h() : 0);
            int bottom = Math.min(maps.bottom(), maps.y() + used);
            curves = new Box(curves.x(), bottom + type.gap(), curves.w(), curves.bottom() - bottom - type.gap());
        }
        for (int i = 0; i < placed.size(); i++) {
            Placed p = placed.get(i);
            Box box = boxes.get(i);
            int x = plan.curvesRight() && across ? maps.x() + (i == 0 ? 0 : placed.get(0).w() + type.gap())
                    : plan.curvesRight() ? maps.x() : box.x() + (box.w() - p.w()) / 2;
            int y = across || blocks.size() == 1 ? maps.y() : maps.y() + (i == 0 ? 0 : placed.get(0).h() + type.gap());
            drawBlock(g, p, x, y, size, type, label, scales, style);
        }
        return curves;
    }

    private static void drawBlock(Graphics2D g, Placed p, int left, int y0, int size, Type type, int label,
                                  MapScales scales, MapStyle style) {
        Block b = p.block();
        TileFit fit = p.fit();
        g.setColor(Color.BLACK);
        p.heading().draw(g, left, y0, false);
        int top = y0 + p.heading().height() + type.gap() / 2;
        AnalysisResult result = b.panel().result();
        PreparedImage img = result.request().image();
        if (b.layers().isEmpty()) {
            g.setColor(Color.RED.darker());
            Text.wrap("No layer of this panel has a result.", type.line(), p.w(), 1).draw(g, left, top, false);
            return;
        }
        int unitHeight = b.stack() * (label + size);
        for (int u = 0; u < b.units(); u++) {
            int x = left + (u % fit.columns()) * (size + type.gap());
            int y = top + (u / fit.columns()) * (unitHeight + type.gap());
            if (b.rebuilt() && u == 0) {
                g.setColor(new Color(0x333333));
                Text.wrap("Above: how uncertain the input is, region by region, given the layer's features. Below:"
                        + " the input and what a decoder rebuilds from each layer.", type.small(), size, 6)
                        .draw(g, x, y, false);
                tile(g, "input", "what the model sees", null, Reconstructions.plain(img, size), x, y + label + size,
                        size, type, label, null, style);
                continue;
            }
            LayerResult l = b.layers().get(u - (b.rebuilt() ? 1 : 0));
            ColourScale scale = scales.of(result, l);
            tile(g, l.name(), Captions.values(result, l), LayerWarnings.of(l), HeatmapRenderer.mapImage(img.grayscale(),
                    l.entropyMap(), scale, style.colourMap(), style.opacity(), size), x, y, size, type, label,
                    scales.perLayer() ? scale : null, style);
            BufferedImage rebuilt = Reconstructions.image(img, l, size);
            if (rebuilt != null) {
                tile(g, "rebuilt from " + l.name(), Captions.reconstruction(result, l), null, rebuilt, x,
                        y + label + size, size, type, label, null, style);
            }
        }
        ColourScale shared = scales.shared(result);
        if (shared != null) {
            int mapHeight = HeatmapRenderer.imageSize(img.grayscale(), size).height;
            int x = left + fit.columns() * (size + type.gap());
            int y = top + label + (size - mapHeight) / 2;
            g.drawImage(ColourBar.vertical(shared, style.colourMap(), mapHeight, ColourBar.Style.onWhite(type.small())),
                    x, y - ColourBar.endPad(type.small(), shared), null);
        }
    }

    /**
     * A map (or image) with its title, the line under it and any warning above, centred in a
     * {@code size} square under a label block {@code label} high; with {@code ownScale}, a slim
     * colour bar of its own under it.
     */
    private static void tile(Graphics2D g, String title, String subtitle, LayerWarnings warnings, BufferedImage image,
                             int x, int y, int size, Type type, int label, ColourScale ownScale, MapStyle style) {
        g.setColor(Color.BLACK);
        Text.Block t = Text.wrap(title, type.tile(), size, 1);
        t.draw(g, x + size / 2, y, true);
        g.setColor(Color.DARK_GRAY);
        Text.Block s = Text.wrap(subtitle, type.small(), size, 1);
        s.draw(g, x + size / 2, y + t.height(), true);
        if (warnings != null && warnings.any()) {
            g.setColor(new Color(0xC0580A));
            Text.wrap("⚠ " + warnings.summary(), type.small(), size, 1).draw(g, x + size / 2, y + t.height()
                    + s.height(), true);
        }
        int imageTop = y + label - (ownScale == null ? 0 : miniBarHeight(type));
        int left = x + (size - image.getWidth()) / 2;
        int down = imageTop + (size - image.getHeight()) / 2;
        g.setColor(Color.GRAY);
        g.fillRect(left - 1, down - 1, image.getWidth() + 2, image.getHeight() + 2);
        g.drawImage(image, left, down, null);
        if (ownScale != null) {
            g.drawImage(ColourBar.horizontal(ownScale, style.colourMap(), image.getWidth(),
                    ColourBar.Style.onWhite(type.small())), left, imageTop + size + 2, null);
        }
    }

    private static int miniBarHeight(Type type) {
        return type.lines(type.small(), 1) + type.small().getSize() + 4;
    }

    /** The widest a shared bar gets: long (every tick labelled) or short (its label in two lines). */
    private static int barWidth(MapScales scales, MapStyle style, Type type) {
        ColourBar.Style bar = ColourBar.Style.onWhite(type.small());
        return scales.sharedScales().stream().mapToInt(s -> Math.max(
                ColourBar.vertical(s, style.colourMap(), 2000, bar).getWidth(),
                ColourBar.vertical(s, style.colourMap(), 60, bar).getWidth())).max().orElse(0);
    }
}
