package org.sieve.ui.view;

import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.sieve.image.ResizeMode;
import org.sieve.ui.Actions;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.PanelState;

/** Where the active panel's image comes from: a file, the clipboard, the gallery or the drawing pad; and how it is fitted. */
public final class ImageSection extends VBox {

    private final Actions actions;
    private final ChoiceBox<ResizeMode> fitting = new ChoiceBox<>();
    private final Label name = Fx.hint("");
    private final CropBox cropBox;
    private final ToggleButton draw;
    private final ToggleButton samples;
    /** The drawing pad, made when first chosen. */
    private DrawingPad pad;
    private PanelState bound;

    public ImageSection(Actions actions) {
        this.actions = actions;
        this.cropBox = new CropBox(actions);
        setSpacing(4);
        Button open = new Button("Open…", Fx.icon(MaterialDesignI.IMAGE_OUTLINE));
        open.setId("open-image");
        open.setTooltip(Fx.tip("Open a PNG, JPEG, BMP or GIF — " + Shortcut.OPEN_IMAGE.display()
                + ". You can also drop a file on the window."));
        open.setOnAction(e -> Choosers.openImage(actions, getScene().getWindow()));
        Button paste = new Button("Paste", Fx.icon(MaterialDesignC.CONTENT_PASTE));
        paste.setTooltip(Fx.tip("Use the image on the clipboard — " + Shortcut.PASTE_IMAGE.display()));
        paste.setOnAction(e -> Clipboards.paste(actions));
        fitting.getItems().addAll(ResizeMode.values());
        fitting.setId("resize-mode");
        fitting.setConverter(new StringConverter<>() {
            @Override
            public String toString(ResizeMode m) {
                return m == null ? "" : m == ResizeMode.STRETCH ? "Stretch to the input" : "Centre crop";
            }

            @Override
            public ResizeMode fromString(String s) {
                return null;
            }
        });
        fitting.setTooltip(Fx.tip("How the image is brought to the model's input size: stretch keeps all of it,"
                + " centre crop keeps its proportions."));
        fitting.valueProperty().addListener((o, was, mode) -> {
            if (mode != null && bound != null) {
                bound.resizeMode().set(mode);
            }
        });
        // Two toggles over one holder, not a TabPane: a TabPane keeps the height its content had when
        // first laid out, and the gallery fills in later.
        ToggleGroup sources = new ToggleGroup();
        samples = new ToggleButton("Samples");
        samples.setId("samples-tab");
        draw = new ToggleButton("Draw");
        draw.setId("draw-tab");
        samples.setToggleGroup(sources);
        draw.setToggleGroup(sources);
        Gallery gallery = new Gallery(actions);
        VBox holder = new VBox(gallery);
        sources.selectToggle(samples);
        sources.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                sources.selectToggle(was);
            } else if (now == draw) {
                if (pad == null) {
                    pad = new DrawingPad(actions);
                }
                holder.getChildren().setAll(pad);
            } else {
                holder.getChildren().setAll(gallery);
            }
        });
        TitledPane region = new TitledPane("Region of the image", cropBox);
        region.setId("region-pane");
        region.setExpanded(false);
        region.setAnimated(false);
        region.setTooltip(Fx.tip("Analyse only part of a photo: a box on the whole image"));
        getChildren().addAll(Fx.heading("Image"), new HBox(4, open, paste), fitting, name, region,
                new HBox(0, samples, draw), holder);
        actions.app().active().addListener((o, was, panel) -> attach(panel));
        attach(actions.app().active().get());
    }

    private void attach(PanelState panel) {
        bound = panel;
        cropBox.attach(panel);
        fitting.setValue(panel.resizeMode().get());
        panel.resizeMode().addListener((o, was, mode) -> {
            if (bound == panel) {
                fitting.setValue(mode);
            }
        });
        panel.image().addListener(o -> showName(panel));
        panel.model().addListener((o, was, m) -> enableDrawing(panel, m));
        showName(panel);
        enableDrawing(panel, panel.model().get());
    }

    private void showName(PanelState panel) {
        if (bound == panel) {
            var img = panel.image().get();
            name.setText(img == null ? "No image yet" : img.name() + " · " + img.width() + "×" + img.height());
        }
    }

    private void enableDrawing(PanelState panel, LoadedModel m) {
        if (bound == panel) {
            draw.setDisable(m != null && !m.digits());
            if (draw.isDisable() && draw.isSelected()) {
                samples.setSelected(true);
            }
        }
    }
}
