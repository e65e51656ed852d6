package org.sieve.ui.view;

import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.InputKind;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.MaskSpec;
import org.sieve.ui.model.MaskTool;
import org.sieve.ui.model.PanelState;

/**
 * The foreground of the active panel's image, for foreground and background entropies and
 * knowledge points: none, automatic (digit strokes), a dragged rectangle, or painted.
 */
public final class ForegroundSection extends VBox {

    private final AppModel app;
    private final ToggleGroup group = new ToggleGroup();
    private final ToggleButton none = button("None", "mask-none", "No foreground: one entropy curve");
    private final ToggleButton auto = button("Auto", "mask-auto", "The strokes of a digit or the object on a plain"
            + " background, found from the border's level");
    private final ToggleButton rect = button("Rectangle", "mask-rectangle", "Drag a rectangle on the input image");
    private final ToggleButton brush = button("Brush", "mask-brush", "Paint the foreground on the input image");
    private final ToggleButton eraser = button("Eraser", "mask-eraser", "Paint background over painted foreground");
    private final javafx.scene.control.Label hint = Fx.hint(STROKES);
    private boolean updating;

    private static final String STROKES = "Adds foreground and background curves and knowledge points.";
    private static final String PHOTOS = "On a photo, choose Rectangle and drag a box around the object on the"
            + " input image (or paint it with Brush): it adds foreground and background curves and knowledge points.";

    public ForegroundSection(AppModel app) {
        this.app = app;
        setSpacing(4);
        FlowPane row = new FlowPane(4, 4, none, auto, rect, brush, eraser);
        getChildren().addAll(Fx.heading("Foreground"), row, hint);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (updating) {
                return;
            }
            if (now == null) {
                updating = true;
                group.selectToggle(was);
                updating = false;
                return;
            }
            PanelState panel = app.active().get();
            if (now == none) {
                app.maskTool().set(MaskTool.NONE);
                panel.maskSpec().set(MaskSpec.NONE);
            } else if (now == auto) {
                app.maskTool().set(MaskTool.NONE);
                panel.maskSpec().set(MaskSpec.AUTO);
            } else if (now == rect) {
                app.maskTool().set(MaskTool.RECTANGLE);
            } else if (now == brush) {
                app.maskTool().set(MaskTool.BRUSH);
            } else {
                app.maskTool().set(MaskTool.ERASER);
            }
        });
        app.active().addListener((o, was, panel) -> attach(panel));
        attach(app.active().get());
    }

    private ToggleButton button(String text, String id, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.setTooltip(Fx.tip(tip));
        b.getStyleClass().add("small");
        return b;
    }

    private void attach(PanelState panel) {
        panel.maskSpec().addListener((o, was, spec) -> {
            if (app.active().get() == panel) {
                show(spec);
            }
        });
        panel.model().addListener((o, was, model) -> {
            if (app.active().get() == panel) {
                offer(model);
            }
        });
        show(panel.maskSpec().get());
        offer(panel.model().get());
    }

    /**
     * The automatic foreground (strokes on a plain background) only for models of such images; a
     * photo model is offered the rectangle, in the explorer's words.
     */
    private void offer(LoadedModel model) {
        boolean strokes = model == null || InputKind.of(model.metadata()).firstForeground() == MaskSpec.AUTO;
        auto.setDisable(!strokes);
        hint.setText(strokes ? STROKES : PHOTOS);
    }

    /** The tool in use, or with no tool the kind of foreground the panel has. */
    private void show(MaskSpec spec) {
        updating = true;
        group.selectToggle(switch (app.maskTool().get()) {
            case RECTANGLE -> rect;
            case BRUSH -> brush;
            case ERASER -> eraser;
            case NONE -> spec instanceof MaskSpec.Auto ? auto : spec instanceof MaskSpec.Rectangle ? rect
                    : spec instanceof MaskSpec.Brush ? brush : none;
        });
        updating = false;
    }
}
