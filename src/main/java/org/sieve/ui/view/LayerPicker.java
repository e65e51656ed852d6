package org.sieve.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.LayerInfo;
import org.sieve.ui.model.LayerPick;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.PanelState;

/**
 * The active panel's layers in network order with kind and output shape; tick any number of
 * them, or use a quick pick.
 */
public final class LayerPicker extends VBox {

    private final AppModel app;
    private final ListView<LayerInfo> list = new ListView<>();
    private final Label count = Fx.hint("");
    private final InvalidationListener refresh = obs -> update();
    /** Bumped on every change, so cells re-read their state without being recreated (as refresh() would). */
    private final javafx.beans.property.IntegerProperty version = new javafx.beans.property.SimpleIntegerProperty();
    private PanelState panel;

    public LayerPicker(AppModel app) {
        this.app = app;
        getStyleClass().add("layer-picker");
        setSpacing(4);
        list.setId("layer-list");
        list.setCellFactory(v -> new LayerCell());
        list.setPrefHeight(220);
        list.setMinHeight(120);
        VBox.setVgrow(list, Priority.ALWAYS);
        Button conv = quickPick("Convolutions", "all-conv", "Every convolution layer (the paper's usual choice)");
        conv.setOnAction(e -> pick(LayerPick.CONVOLUTIONS));
        Button all = quickPick("All", "all-layers", "Every layer, input to output");
        all.setOnAction(e -> pick(LayerPick.ALL));
        Button none = quickPick("None", "no-layers", "Clear the choice");
        none.setOnAction(e -> pick(LayerPick.NONE));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox picks = new HBox(4, conv, all, none, spacer, count);
        picks.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(Fx.heading("Layers"), picks, list);
        app.active().addListener((obs, was, now) -> attach(now));
        attach(app.active().get());
    }

    private static Button quickPick(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(Fx.tip(tip));
        b.getStyleClass().add("small");
        return b;
    }

    private void attach(PanelState next) {
        if (panel != null) {
            panel.model().removeListener(refresh);
            panel.layerShapes().removeListener(refresh);
            panel.selectedLayers().removeListener(refresh);
        }
        panel = next;
        panel.model().addListener(refresh);
        panel.layerShapes().addListener(refresh);
        panel.selectedLayers().addListener(refresh);
        update();
    }

    private List<LayerInfo> layers() {
        LoadedModel m = panel.model().get();
        return m == null ? List.of() : m.layers();
    }

    private void update() {
        List<LayerInfo> layers = layers();
        if (!list.getItems().equals(layers)) {
            list.getItems().setAll(layers);
        }
        version.set(version.get() + 1);
        count.setText(panel.selectedLayers().size() + " of " + layers.size() + " chosen");
    }

    /** A quick pick, remembered as such so that another model gets the same kind of choice. */
    private void pick(LayerPick kind) {
        LoadedModel m = panel.model().get();
        if (m != null) {
            panel.layerPick().set(kind);
            panel.selectedLayers().setAll(kind.layersOf(m, panel.selectedLayers()));
        }
    }

    private void choose(List<String> names) {
        LoadedModel m = panel.model().get();
        if (m != null) {
            panel.selectedLayers().setAll(m.inNetworkOrder(names));
        }
    }

    private void toggle(String name, boolean on) {
        List<String> chosen = new ArrayList<>(panel.selectedLayers());
        if (on && !chosen.contains(name)) {
            chosen.add(name);
        } else if (!on) {
            chosen.remove(name);
        }
        panel.layerPick().set(LayerPick.CHOSEN);
        choose(chosen);
    }

    /** A tick box with the layer's name, then its kind and output shape. */
    private final class LayerCell extends ListCell<LayerInfo> {
        private final CheckBox box = new CheckBox();
        private final Label kind = new Label();
        private final HBox row;
        private boolean setting;

        LayerCell() {
            kind.getStyleClass().add("hint");
            // The shape is short and always shown whole; a long name gives way, its tooltip whole.
            kind.setMinWidth(Region.USE_PREF_SIZE);
            box.setMinWidth(0);
            box.setMnemonicParsing(false); // Keras names such as Conv1_pad keep their underscores
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row = new HBox(6, box, spacer, kind);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.selectedProperty().addListener((obs, was, on) -> {
                if (!setting && getItem() != null) {
                    toggle(getItem().name(), on);
                }
            });
            version.addListener(obs -> show(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(LayerInfo item, boolean empty) {
            super.updateItem(item, empty);
            show(item, empty);
        }

        private void show(LayerInfo item, boolean empty) {
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            setting = true;
            box.setText(item.name());
            box.setTooltip(Fx.tip(item.name()));
            box.setSelected(panel.selectedLayers().contains(item.name()));
            setting = false;
            box.setId("layer-" + item.name());
            Map<String, long[]> shapes = panel.layerShapes().get();
            long[] shape = shapes.get(item.name());
            kind.setText(item.kind() + (shape == null ? "" : "  " + shape(shape)));
            setGraphic(row);
        }
    }

    static String shape(long[] dims) {
        StringBuilder s = new StringBuilder();
        for (long d : dims) {
            s.append(s.length() == 0 ? "" : "×").append(d);
        }
        return s.toString();
    }
}
