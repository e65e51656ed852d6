package org.sieve.ui.view;

import java.awt.Font;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import org.sieve.render.ColourBar;
import org.sieve.render.ColourMap;
import org.sieve.render.ColourScale;

/**
 * A colour bar drawn by the same code as the sheets' (round ticks, clipping marks), in the font
 * and text colour the window's style gives it: large in presentation mode, light on the dark theme.
 * Its gradient is as long as the maps beside it are high.
 */
final class ColourBarView extends Region {

    /** Unseen, only read: the style's font and colour for the bar's text. */
    private final Label probe = new Label();
    private final ImageView view = new ImageView();
    private final ColourScale scale;
    private final ColourMap map;
    private int length;
    private double drawnFont;
    private Paint drawnInk;

    ColourBarView(String id, ColourScale scale, ColourMap map) {
        this.scale = scale;
        this.map = map;
        setId(id);
        getStyleClass().add("colour-bar");
        setAccessibleText(scale.label());
        probe.getStyleClass().add("colour-bar-text");
        probe.setVisible(false);
        probe.setManaged(false);
        getChildren().addAll(probe, view);
        probe.fontProperty().addListener(o -> redraw());
        probe.textFillProperty().addListener(o -> redraw());
    }

    /** The gradient's length in pixels; the bar is {@link #endPad()} taller at each end. */
    void length(int pixels) {
        if (pixels != length) {
            length = pixels;
            redraw();
        }
    }

    /** Space above the gradient's top, to line it up with the maps' top edge. */
    double endPad() {
        return ColourBar.endPad(font(), scale);
    }

    /**
     * The most width the bar takes at any length, to reserve beside the maps without the layout
     * chasing the bar's own width.
     */
    double widest() {
        return ColourBar.widestVertical(scale, font());
    }

    private Font font() {
        return Fx.barStyle(probe).font();
    }

    private void redraw() {
        if (length < 16) {
            return;
        }
        Paint ink = probe.getTextFill();
        if (view.getImage() != null && drawnFont == probe.getFont().getSize() && ink.equals(drawnInk)
                && view.getImage().getHeight() == length + 2 * endPad()) {
            return;
        }
        drawnFont = probe.getFont().getSize();
        drawnInk = ink;
        view.setImage(Fx.image(ColourBar.vertical(scale, map, length, Fx.barStyle(probe))));
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        return view.getImage() == null ? 60 : view.getImage().getWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        return view.getImage() == null ? 0 : view.getImage().getHeight();
    }

    @Override
    protected void layoutChildren() {
        view.relocate(0, 0);
    }
}
