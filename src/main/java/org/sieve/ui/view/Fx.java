package org.sieve.ui.view;

import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.sieve.render.ColourBar;
import org.sieve.render.Text;

/** Small helpers shared by the views. */
public final class Fx {

    private Fx() {
    }

    /** A Java2D figure (from the renderers) as a JavaFX image. */
    public static Image image(BufferedImage img) {
        return SwingFXUtils.toFXImage(img, null);
    }

    /**
     * A colour bar drawn in the font and text colour the style gives this label, on a transparent
     * background, so it follows presentation mode and the theme.
     */
    static ColourBar.Style barStyle(Labeled probe) {
        Color ink = probe.getTextFill() instanceof Color c ? c : Color.BLACK;
        return new ColourBar.Style(Text.sans(java.awt.Font.PLAIN, (float) probe.getFont().getSize()),
                new java.awt.Color((float) ink.getRed(), (float) ink.getGreen(), (float) ink.getBlue()), null);
    }

    public static FontIcon icon(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("icon");
        return icon;
    }

    public static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    /** A section heading in the side bar. */
    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heading");
        return l;
    }

    /** A quiet explanatory line. */
    public static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }
}
