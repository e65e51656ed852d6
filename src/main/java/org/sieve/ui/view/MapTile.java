package org.sieve.ui.view;

import java.awt.image.BufferedImage;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.sieve.render.ColourBar;
import org.sieve.report.LayerWarnings;

/**
 * One map (or image) of a strip with its title and the line under it, and a warning icon whose
 * tooltip says what is wrong and what to do. The picture is drawn at the size the strip gives it,
 * so its cells stay sharp and clipped cells keep their stripes; text follows the window's style,
 * so presentation mode enlarges it.
 */
final class MapTile extends Region {

    private final HBox titleRow;
    private final Label subtitle;
    private final ImageView picture = new ImageView();
    private final ImageView ownBar = new ImageView();
    private final IntFunction<BufferedImage> draw;
    private final String line;
    private final BiFunction<Integer, ColourBar.Style, BufferedImage> drawBar;
    private int drawnSize;
    private double size = 100;
    private double labelHeight = -1;

    /**
     * @param draw    the picture with its longer side about the given number of pixels
     * @param drawBar a slim colour bar of the given length for a map with a range of its own, or null
     */
    MapTile(String id, String title, String line, LayerWarnings warnings, IntFunction<BufferedImage> draw,
            BiFunction<Integer, ColourBar.Style, BufferedImage> drawBar) {
        this.draw = draw;
        this.drawBar = drawBar;
        getStyleClass().add("map-tile");
        Label name = new Label(title);
        name.setId("title-" + id);
        name.getStyleClass().add("tile-title");
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setMinWidth(0);
        titleRow = new HBox(4, name);
        titleRow.setAlignment(Pos.CENTER);
        if (warnings != null && warnings.any()) {
            Label warn = new Label(null, Fx.icon(MaterialDesignA.ALERT));
            warn.setId("warning-" + id);
            warn.getStyleClass().add("tile-warning");
            warn.setAccessibleText(warnings.summary());
            Tooltip.install(warn, Fx.tip(warnings.summary() + "\n\n" + warnings.advice()));
            Tooltip.install(name, Fx.tip(warnings.summary() + "\n\n" + warnings.advice()));
            titleRow.getChildren().add(warn);
        }
        this.line = line;
        subtitle = new Label(line);
        subtitle.getStyleClass().add("tile-subtitle");
        subtitle.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        subtitle.setMinWidth(0);
        subtitle.setAlignment(Pos.CENTER);
        picture.setId(id);
        picture.setSmooth(false);
        getChildren().addAll(titleRow, subtitle, picture);
        // A word wider than a narrow tile is cut at its edge, never drawn over the next tile.
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        if (drawBar != null) {
            getChildren().add(ownBar);
        }
    }

    /** The picture, e.g. to open the large view from a click. */
    ImageView picture() {
        return picture;
    }

    void clickable(String tip, Runnable open) {
        picture.setCursor(Cursor.HAND);
        picture.getStyleClass().add("heatmap-tile");
        Tooltip.install(picture, Fx.tip(tip));
        picture.setOnMouseClicked(e -> open.run());
    }

    /** Height of the title and its lines at this width, as the style sets their fonts. */
    double naturalLabelHeight(double width) {
        Text one = new Text(line);
        one.setFont(subtitle.getFont());
        double lineHeight = one.getLayoutBounds().getHeight();
        return titleRow.prefHeight(width) + lineHeight * lines(width).split("\n").length
                + subtitle.getPadding().getTop() + subtitle.getPadding().getBottom() + 4;
    }

    /** The line as shown at this width: in one line where it fits, else broken after each "·". */
    private String lines(double width) {
        Text one = new Text(line);
        one.setFont(subtitle.getFont());
        return one.getLayoutBounds().getWidth() <= width ? line : line.replace(" · ", "\n");
    }

    /** Height under the picture for a colour bar of its own. */
    double barHeight() {
        return drawBar == null ? 0 : ownBar.getImage() == null ? subtitle.prefHeight(-1) * 1.6
                : ownBar.getImage().getHeight() + 2;
    }

    /** The picture's side and the label block's height, equal across a strip so that pictures line up. */
    void size(double side, double label) {
        if (side != size || label != labelHeight) {
            size = side;
            labelHeight = label;
            subtitle.setText(lines(side));
            int px = (int) Math.max(16, Math.floor(side));
            if (px != drawnSize) {
                drawnSize = px;
                picture.setImage(Fx.image(draw.apply(px)));
                if (drawBar != null) {
                    ownBar.setImage(Fx.image(drawBar.apply((int) picture.getImage().getWidth(),
                            Fx.barStyle(subtitle))));
                }
            }
            requestLayout();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return size;
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(0, labelHeight) + size + barHeight();
    }

    @Override
    protected void layoutChildren() {
        double title = titleRow.prefHeight(size);
        titleRow.resizeRelocate(0, 0, size, title);
        subtitle.resizeRelocate(0, title, size, subtitle.prefHeight(size));
        double w = picture.getImage() == null ? 0 : picture.getImage().getWidth();
        double h = picture.getImage() == null ? 0 : picture.getImage().getHeight();
        double top = Math.max(0, labelHeight) + (size - h) / 2;
        picture.relocate((size - w) / 2, top);
        if (drawBar != null) {
            ownBar.relocate((size - w) / 2, top + h + 2);
        }
    }
}
