package org.sieve.ui.view;

import java.util.HashSet;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.sieve.image.RequestedRegion;
import org.sieve.ui.Actions;
import org.sieve.ui.model.ImageSource;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.PanelState;

/**
 * The region of the source image that the model sees, as a box on the whole image: drag outside it to draw a
 * new one, drag inside to move it, drag its lower-right corner to resize it; the aspect can be locked to the
 * model's input; Reset takes the whole image again. The region is set when the mouse is released; in live
 * mode the maps follow the box while it moves.
 */
public final class CropBox extends VBox {

    /** The longest side of the source image on screen. */
    static final double VIEW = 260;
    /** How close to the lower-right corner (screen pixels) a press resizes instead of moving. */
    private static final double HANDLE = 10;

    private final Actions actions;
    private final ImageView view = new ImageView();
    private final Rectangle box = new Rectangle();
    private final Pane canvas = new Pane(view, box);
    private final CheckBox lock = new CheckBox("Model's aspect");
    private final Label text = Fx.hint("");
    private PanelState panel;
    /** Panels whose image and region this box listens to (each once, whichever is shown). */
    private final Set<PanelState> watched = new HashSet<>();
    private double scale = 1;
    private double pressX;
    private double pressY;
    private double[] pressed;
    private Mode mode;

    private enum Mode { DRAW, MOVE, RESIZE }

    public CropBox(Actions actions) {
        this.actions = actions;
        setSpacing(4);
        setId("crop-box");
        canvas.setId("crop-canvas");
        box.setId("crop-rectangle");
        box.setFill(Color.color(1, 1, 1, 0.15));
        box.setStroke(Color.web("#e8590c"));
        box.setStrokeWidth(2);
        box.setMouseTransparent(true);
        lock.setId("crop-lock");
        lock.setMnemonicParsing(false);
        lock.setTooltip(Fx.tip("Keep the box in the proportions of the model's input, so nothing is stretched"));
        Button reset = new Button("Reset");
        reset.setId("crop-reset");
        reset.setTooltip(Fx.tip("Use the whole image"));
        reset.setOnAction(e -> {
            if (panel != null) {
                panel.region().set(null);
            }
        });
        CheckBox live = new CheckBox("Live maps");
        live.setId("live-region");
        live.setMnemonicParsing(false);
        live.setTooltip(Fx.tip("While you move the box, every layer's map follows it (approximate, a few"
                + " optimisation steps per frame); when you let go, the full analysis refines them."));
        live.selectedProperty().bindBidirectional(actions.app().liveMaps());
        text.setId("crop-text");
        canvas.setOnMousePressed(this::press);
        canvas.setOnMouseDragged(this::drag);
        canvas.setOnMouseReleased(e -> release());
        getChildren().addAll(canvas, new HBox(8, lock, reset, live), text);
    }

    /** Shows {@code p}'s image and region, and edits them. */
    public void attach(PanelState p) {
        panel = p;
        if (watched.add(p)) {
            p.image().addListener((o, was, now) -> showIfAttached(p));
            p.region().addListener((o, was, now) -> showIfAttached(p));
        }
        show();
    }

    private void showIfAttached(PanelState p) {
        if (panel == p) {
            show();
        }
    }

    private void show() {
        ImageSource img = panel.image().get();
        if (img == null) {
            view.setImage(null);
            box.setVisible(false);
            return;
        }
        scale = VIEW / Math.max(img.width(), img.height());
        view.setImage(SwingFXUtils.toFXImage(img.pixels(), null));
        view.setFitWidth(img.width() * scale);
        view.setFitHeight(img.height() * scale);
        canvas.setPrefSize(img.width() * scale, img.height() * scale);
        canvas.setMaxSize(img.width() * scale, img.height() * scale);
        RequestedRegion r = region();
        setBox(r.x(), r.y(), r.width(), r.height());
        text.setText(panel.region().get() == null ? "Whole image, " + img.width() + "×" + img.height()
                : "Region " + r.text() + " (x,y,w,h in image pixels)");
    }

    private RequestedRegion region() {
        RequestedRegion r = panel.region().get();
        ImageSource img = panel.image().get();
        return r != null ? r : new RequestedRegion(0, 0, img.width(), img.height());
    }

    private void setBox(double x, double y, double w, double h) {
        box.setVisible(true);
        box.setX(x * scale);
        box.setY(y * scale);
        box.setWidth(w * scale);
        box.setHeight(h * scale);
    }

    private void press(MouseEvent e) {
        if (panel == null || panel.image().get() == null) {
            return;
        }
        pressX = e.getX();
        pressY = e.getY();
        pressed = new double[] {box.getX(), box.getY(), box.getWidth(), box.getHeight()};
        boolean inside = box.contains(pressX, pressY) && panel.region().get() != null;
        boolean corner = Math.abs(pressX - (pressed[0] + pressed[2])) < HANDLE
                && Math.abs(pressY - (pressed[1] + pressed[3])) < HANDLE;
        mode = corner ? Mode.RESIZE : inside ? Mode.MOVE : Mode.DRAW;
    }

    private void drag(MouseEvent e) {
        if (mode == null) {
            return;
        }
        double maxX = view.getFitWidth();
        double maxY = view.getFitHeight();
        double x = clamp(e.getX(), 0, maxX);
        double y = clamp(e.getY(), 0, maxY);
        switch (mode) {
            case MOVE -> {
                box.setX(clamp(pressed[0] + x - pressX, 0, maxX - pressed[2]));
                box.setY(clamp(pressed[1] + y - pressY, 0, maxY - pressed[3]));
            }
            case RESIZE -> size(pressed[0], pressed[1], x - pressed[0], y - pressed[1]);
            case DRAW -> size(Math.min(pressX, x), Math.min(pressY, y), Math.abs(x - pressX), Math.abs(y - pressY));
        }
        actions.followRegion(panel, boxRegion());
    }

    /** A box from (x, y), as wide and high as asked or, locked, as the model's aspect allows inside the image. */
    private void size(double x, double y, double w, double h) {
        LoadedModel m = panel.model().get();
        if (lock.isSelected() && m != null) {
            double aspect = (double) m.metadata().input().width() / m.metadata().input().height();
            w = Math.min(Math.max(w, h * aspect), view.getFitWidth() - x);
            h = Math.min(w / aspect, view.getFitHeight() - y);
            w = h * aspect;
        }
        box.setX(x);
        box.setY(y);
        box.setWidth(Math.max(1, w));
        box.setHeight(Math.max(1, h));
    }

    private void release() {
        if (mode == null) {
            return;
        }
        mode = null;
        actions.useRegion(panel, boxRegion());
    }

    /** The box in image pixels; null when it covers the whole image. */
    private RequestedRegion boxRegion() {
        ImageSource img = panel.image().get();
        int x = (int) clamp(Math.round(box.getX() / scale), 0, img.width() - 1);
        int y = (int) clamp(Math.round(box.getY() / scale), 0, img.height() - 1);
        int w = (int) clamp(Math.round(box.getWidth() / scale), 1, img.width() - x);
        int h = (int) clamp(Math.round(box.getHeight() / scale), 1, img.height() - y);
        boolean whole = x == 0 && y == 0 && w == img.width() && h == img.height();
        return whole ? null : new RequestedRegion(x, y, w, h);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
