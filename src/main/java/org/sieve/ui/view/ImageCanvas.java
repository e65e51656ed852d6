package org.sieve.ui.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.sieve.image.PreparedImage;
import org.sieve.image.SourceRegion;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.ImageSource;
import org.sieve.ui.model.MaskSpec;
import org.sieve.ui.model.MaskTool;
import org.sieve.ui.model.PanelState;

/**
 * A panel's model input, enlarged without smoothing so every input pixel shows, with its
 * foreground tinted. With the rectangle or brush tool, dragging on it sets the foreground.
 */
public final class ImageCanvas extends StackPane {

    private final AppModel app;
    private final PanelState panel;
    private final Canvas canvas;
    private double startX;
    private double startY;
    private double endX;
    private double endY;
    private boolean dragging;
    private BufferedImage paint;
    private long paintVersion;

    public ImageCanvas(AppModel app, PanelState panel, double size) {
        this.app = app;
        this.panel = panel;
        canvas = new Canvas(size, size);
        getStyleClass().add("image-canvas");
        getChildren().add(canvas);
        resize(size);
        app.presentation().addListener((o, was, on) -> {
            resize(on ? size * 1.6 : size);
            draw();
        });
        panel.prepared().addListener(o -> draw());
        panel.mask().addListener(o -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        app.maskTool().addListener((o, was, tool) -> canvas.setCursor(tool == MaskTool.NONE
                ? javafx.scene.Cursor.DEFAULT : javafx.scene.Cursor.CROSSHAIR));
        draw();
    }

    private void resize(double size) {
        canvas.setWidth(size);
        canvas.setHeight(size);
        setMinSize(size, size);
        setMaxSize(size, size);
    }

    /** Input pixels per screen pixel, and where the image starts. */
    private record Fit(double scale, double left, double top) {
    }

    private Fit fit(PreparedImage img) {
        double size = canvas.getWidth();
        double s = size / Math.max(img.width(), img.height());
        if (s >= 1) {
            s = Math.floor(s);
        }
        return new Fit(s, (size - img.width() * s) / 2, (size - img.height() * s) / 2);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        PreparedImage img = panel.prepared().get();
        if (img == null) {
            g.setFill(javafx.scene.paint.Color.GRAY);
            g.fillText(panel.loading().get() ? "Loading ..." : "No image", 10, 20);
            return;
        }
        Fit f = fit(img);
        g.setImageSmoothing(false);
        g.drawImage(InputImage.of(img), f.left(), f.top(), img.width() * f.scale(), img.height() * f.scale());
        if (panel.mask().get() != null) {
            g.drawImage(InputImage.maskOverlay(panel.mask().get()), f.left(), f.top(), img.width() * f.scale(),
                    img.height() * f.scale());
        }
        if (dragging && app.maskTool().get() == MaskTool.RECTANGLE) {
            g.setStroke(javafx.scene.paint.Color.ORANGE);
            g.setLineWidth(2);
            g.strokeRect(Math.min(startX, endX), Math.min(startY, endY), Math.abs(endX - startX),
                    Math.abs(endY - startY));
        }
    }

    private void pressed(MouseEvent e) {
        MaskTool tool = app.maskTool().get();
        if (tool == MaskTool.NONE || panel.prepared().get() == null) {
            return;
        }
        app.active().set(panel);
        dragging = true;
        startX = endX = e.getX();
        startY = endY = e.getY();
        if (tool == MaskTool.BRUSH || tool == MaskTool.ERASER) {
            startPaint();
            dab(e.getX(), e.getY(), tool == MaskTool.BRUSH);
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (!dragging) {
            return;
        }
        endX = e.getX();
        endY = e.getY();
        MaskTool tool = app.maskTool().get();
        if (tool == MaskTool.RECTANGLE) {
            draw();
        } else {
            dab(e.getX(), e.getY(), tool == MaskTool.BRUSH);
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (!dragging) {
            return;
        }
        dragging = false;
        PreparedImage img = panel.prepared().get();
        MaskTool tool = app.maskTool().get();
        if (img != null && tool == MaskTool.RECTANGLE) {
            MaskSpec.Rectangle r = rectangle(img, startX, startY, e.getX(), e.getY());
            if (r != null) {
                panel.maskSpec().set(r);
            }
        } else if (paint != null) {
            panel.maskSpec().set(new MaskSpec.Brush(copy(paint), ++paintVersion));
        }
        draw();
        e.consume();
    }

    /** The dragged rectangle in source pixels, or null when it covers no whole source pixel. */
    MaskSpec.Rectangle rectangle(PreparedImage img, double x0, double y0, double x1, double y1) {
        Fit f = fit(img);
        SourceRegion reg = img.region();
        double mx0 = clamp((Math.min(x0, x1) - f.left()) / f.scale(), img.width());
        double mx1 = clamp((Math.max(x0, x1) - f.left()) / f.scale(), img.width());
        double my0 = clamp((Math.min(y0, y1) - f.top()) / f.scale(), img.height());
        double my1 = clamp((Math.max(y0, y1) - f.top()) / f.scale(), img.height());
        int sx0 = (int) Math.floor(reg.x() + mx0 * reg.width() / img.width());
        int sx1 = (int) Math.ceil(reg.x() + mx1 * reg.width() / img.width());
        int sy0 = (int) Math.floor(reg.y() + my0 * reg.height() / img.height());
        int sy1 = (int) Math.ceil(reg.y() + my1 * reg.height() / img.height());
        sx1 = Math.min(sx1, reg.sourceWidth());
        sy1 = Math.min(sy1, reg.sourceHeight());
        if (sx1 - sx0 < 1 || sy1 - sy0 < 1) {
            return null;
        }
        return new MaskSpec.Rectangle(sx0, sy0, sx1 - sx0, sy1 - sy0);
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    /** Starts from the painted foreground so far, or from nothing. */
    private void startPaint() {
        ImageSource src = panel.image().get();
        if (panel.maskSpec().get() instanceof MaskSpec.Brush b && b.paint().getWidth() == src.width()
                && b.paint().getHeight() == src.height()) {
            paint = copy(b.paint());
        } else {
            paint = new BufferedImage(src.width(), src.height(), BufferedImage.TYPE_BYTE_GRAY);
        }
    }

    /** Paints a round dab at a canvas point into the source-sized mask, and shows it at once. */
    private void dab(double cx, double cy, boolean foreground) {
        PreparedImage img = panel.prepared().get();
        if (img == null || paint == null) {
            return;
        }
        Fit f = fit(img);
        SourceRegion reg = img.region();
        double mx = (cx - f.left()) / f.scale();
        double my = (cy - f.top()) / f.scale();
        double radiusModel = Math.max(1.0, 1.2 * Math.max(img.width(), img.height()) / 28.0);
        double sx = reg.x() + mx * reg.width() / img.width();
        double sy = reg.y() + my * reg.height() / img.height();
        double rs = radiusModel * reg.width() / img.width();
        Graphics2D g = paint.createGraphics();
        g.setColor(foreground ? Color.WHITE : Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.fillOval((int) Math.round(sx - rs), (int) Math.round(sy - rs), (int) Math.round(2 * rs),
                (int) Math.round(2 * rs));
        g.dispose();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double rc = radiusModel * f.scale();
        gc.setFill(foreground ? javafx.scene.paint.Color.rgb(255, 140, 0, 0.5)
                : javafx.scene.paint.Color.rgb(0, 0, 0, 0.5));
        gc.fillOval(cx - rc, cy - rc, 2 * rc, 2 * rc);
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }
}
