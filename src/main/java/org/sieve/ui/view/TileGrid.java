package org.sieve.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import org.sieve.report.TileFit;

/**
 * A strip's units (each a column of one map tile, or for metric 2 the map over its reconstruction)
 * in rows that fill the width, as large as the height budget allows ({@link TileFit}), with the
 * colour bar beside the first row. Below the smallest readable size the rows go on downwards and
 * the page scrolls as a whole: the grid never scrolls or clips by itself.
 */
final class TileGrid extends Region {

    /** Smallest side of a map on screen before the page scrolls instead. */
    static final double MIN_SIZE = 80;
    /** Larger maps add nothing a viewer can see on 28x28 inputs and leave the curves no room. */
    static final double MAX_SIZE = 720;

    private static final double GAP = 8;

    private final List<List<MapTile>> units = new ArrayList<>();
    private final DoubleProperty heightBudget = new SimpleDoubleProperty(Double.MAX_VALUE);
    private final TileSizes sizes;
    private ColourBarView bar;
    /** Metric 2's explanation over the input, in the lead column; or null. */
    private Node leadTop;

    /** @param sizes shared with the strips shown beside this one, so that all show maps of one size */
    TileGrid(TileSizes sizes) {
        this.sizes = sizes;
        getStyleClass().add("tile-grid");
        heightBudget.addListener(o -> requestLayout());
    }

    /** The height the maps may take without the page scrolling. */
    DoubleProperty heightBudget() {
        return heightBudget;
    }

    /**
     * Shows these units: each a column of tiles (top to bottom), after an optional lead column
     * (metric 2's explanation over the input), with the shared colour bar, or none.
     */
    void show(Node leadTop, MapTile leadBottom, List<List<MapTile>> columns, ColourBarView colourBar) {
        units.clear();
        getChildren().clear();
        this.leadTop = leadBottom == null ? null : leadTop;
        if (leadBottom != null) {
            units.add(List.of(leadBottom));
            getChildren().addAll(leadTop, leadBottom);
        }
        for (List<MapTile> c : columns) {
            units.add(c);
            getChildren().addAll(c);
        }
        bar = colourBar;
        if (bar != null) {
            getChildren().add(bar);
        }
        requestLayout();
        sizes.refresh(this);
    }

    private int stack() {
        return units.stream().mapToInt(List::size).max().orElse(1);
    }

    /** The tallest label block at this tile width: narrow tiles wrap their lines. */
    private double labelHeight(double size) {
        return units.stream().flatMap(List::stream).mapToDouble(t -> t.naturalLabelHeight(size) + t.barHeight())
                .max().orElse(0);
    }

    /** Tiles, and the height of their labels at that size. */
    private record Layout(TileFit fit, double label) {
    }

    /** Whether this strip has maps on screen, so that the strip beside it matches their size. */
    boolean shown() {
        return !units.isEmpty() && getScene() != null && isVisible();
    }

    /** The layout at this width: the size this strip would choose alone, or the smaller one agreed. */
    private Layout fit(double width, boolean record) {
        Layout own = fitAlone(width);
        if (record) {
            sizes.chose(this, Math.floor(own.fit().size()));
        }
        double agreed = Math.floor(sizes.agreed(this, Math.floor(own.fit().size())));
        if (agreed >= Math.floor(own.fit().size())) {
            return own;
        }
        double reserved = bar == null ? 0 : bar.widest() + GAP;
        return new Layout(TileFit.ofSize(units.size(), width - snappedLeftInset() - snappedRightInset(), GAP,
                reserved, agreed), labelHeight(agreed));
    }

    private Layout fitAlone(double width) {
        double reserved = bar == null ? 0 : bar.widest() + GAP;
        double usable = width - snappedLeftInset() - snappedRightInset();
        double label = labelHeight(MAX_SIZE);
        TileFit fit = TileFit.of(units.size(), usable, heightBudget.get(), GAP, reserved, stack(), label, MIN_SIZE,
                MAX_SIZE);
        // Smaller tiles may wrap their labels into more lines: fit again with the taller labels.
        for (int i = 0; i < 3 && labelHeight(Math.floor(fit.size())) > label; i++) {
            label = labelHeight(Math.floor(fit.size()));
            fit = TileFit.of(units.size(), usable, heightBudget.get(), GAP, reserved, stack(), label, MIN_SIZE,
                    MAX_SIZE);
        }
        return new Layout(fit, Math.max(label, labelHeight(Math.floor(fit.size()))));
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return MIN_SIZE + (bar == null ? 0 : bar.widest() + GAP);
    }

    @Override
    protected double computePrefWidth(double height) {
        return computeMinWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        if (units.isEmpty()) {
            return 0;
        }
        Layout layout = fit(width < 0 ? getWidth() : width, false);
        TileFit fit = layout.fit();
        double unit = stack() * (layout.label() + Math.floor(fit.size()));
        return fit.rows() * unit + (fit.rows() - 1) * GAP;
    }

    @Override
    protected void layoutChildren() {
        if (units.isEmpty()) {
            return;
        }
        Layout layout = fit(getWidth(), true);
        TileFit fit = layout.fit();
        double size = Math.floor(fit.size());
        double label = layout.label();
        double unit = label + size;
        for (int u = 0; u < units.size(); u++) {
            double x = snappedLeftInset() + (u % fit.columns()) * (size + GAP);
            double y = (u / fit.columns()) * (stack() * unit + GAP);
            List<MapTile> column = units.get(u);
            // The lead column's tile sits at the bottom, under the explanation.
            double down = column.size() < stack() ? (stack() - column.size()) * unit : 0;
            for (int k = 0; k < column.size(); k++) {
                MapTile t = column.get(k);
                t.size(size, label - t.barHeight());
                t.resizeRelocate(x, y + down + k * unit, size, unit);
            }
        }
        if (leadTop != null) {
            leadTop.resizeRelocate(snappedLeftInset(), 0, size, (stack() - 1) * unit);
        }
        if (bar != null) {
            // As high as a map (the last unit's top tile is one, whatever the lead column holds).
            MapTile map = units.get(units.size() - 1).get(0);
            double h = map.picture().getImage() == null ? size : map.picture().getImage().getHeight();
            bar.length((int) h);
            double x = snappedLeftInset() + Math.min(units.size(), fit.columns()) * (size + GAP);
            bar.resizeRelocate(x, label + (size - h) / 2 - bar.endPad(), bar.prefWidth(-1), bar.prefHeight(-1));
        }
    }
}
