package org.sieve.ui.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.StrokeLineCap;
import org.sieve.ui.Actions;

/**
 * Draw a digit with the mouse, white on black like MNIST; each stroke becomes the image, so the
 * predictions follow the drawing. In live mode the maps follow the pen as it moves.
 */
public final class DrawingPad extends VBox {

    static final int SIZE = 196;
    private static final double PEN = 15;

    private final Actions actions;
    private final Canvas canvas = new Canvas(SIZE, SIZE);
    private final BufferedImage pixels = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
    private double lastX;
    private double lastY;

    public DrawingPad(Actions actions) {
        this.actions = actions;
        setSpacing(4);
        canvas.setId("drawing-pad");
        Button clear = new Button("Clear");
        clear.setId("clear-drawing");
        clear.setOnAction(e -> clear());
        clear.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        CheckBox live = new CheckBox("Live maps");
        live.setId("live-drawing");
        live.setTooltip(Fx.tip("While you draw, every layer's map follows the pen (approximate, a few"
                + " optimisation steps per frame); when you lift it, the full analysis refines them."));
        live.selectedProperty().bindBidirectional(actions.app().liveMaps());
        getChildren().addAll(Fx.hint("Draw a digit, white on black; each stroke updates the image."), canvas,
                new HBox(12, clear, live));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = e.getX();
            lastY = e.getY();
            stroke(e.getX(), e.getY());
            actions.penDown(copy());
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            stroke(e.getX(), e.getY());
            actions.followDrawing(copy());
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> actions.useDrawing(copy()));
        clear();
    }

    private void clear() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(javafx.scene.paint.Color.BLACK);
        g.fillRect(0, 0, SIZE, SIZE);
        Graphics2D p = pixels.createGraphics();
        p.setColor(Color.BLACK);
        p.fillRect(0, 0, SIZE, SIZE);
        p.dispose();
        actions.newDrawing();
    }

    /** A line from the last point, on screen and in the pixels. */
    void stroke(double x, double y) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(javafx.scene.paint.Color.WHITE);
        g.setLineWidth(PEN);
        g.setLineCap(StrokeLineCap.ROUND);
        g.strokeLine(lastX, lastY, x, y);
        Graphics2D p = pixels.createGraphics();
        p.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        p.setColor(Color.WHITE);
        p.setStroke(new BasicStroke((float) PEN, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        p.drawLine((int) Math.round(lastX), (int) Math.round(lastY), (int) Math.round(x), (int) Math.round(y));
        p.dispose();
        lastX = x;
        lastY = y;
    }

    /** The drawing as it is now, for the panel to keep while the pen goes on. */
    private BufferedImage copy() {
        BufferedImage copy = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = copy.createGraphics();
        g.drawImage(pixels, 0, 0, null);
        g.dispose();
        return copy;
    }
}
