package org.sieve.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
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

    /** The list's border, scroll bar and cell padding, which a row's content cannot use. */
    private static final double CELL_INSETS = 36;
    /** Models with more layers than this get a search field. */
    private static final int SEARCH_FROM = 12;

    private final AppModel app;
    private final ListView<LayerInfo> list = new ListView<>();
    private final ObservableList<LayerInfo> layers = FXCollections.observableArrayList();
    private final FilteredList<LayerInfo> shown = new FilteredList<>(layers);
    private final TextField search = new TextField();
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
        list.setItems(shown);
        search.setId("layer-search");
        search.setPromptText("Find a layer by name or type");
        search.textProperty().addListener((o, was, text) -> shown.setPredicate(matching(text)));
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
        getChildren().addAll(Fx.heading("Layers"), picks, search, list);
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
        List<LayerInfo> now = layers();
        if (!layers.equals(now)) {
            layers.setAll(now);
        }
        // The search field shows only where there is much to search.
        search.setVisible(now.size() > SEARCH_FROM);
        search.setManaged(now.size() > SEARCH_FROM);
        version.set(version.get() + 1);
        count.setText(panel.selectedLayers().size() + " of " + now.size() + " chosen");
    }

    /** Layers whose name or type contains every word typed, in any case. */
    static java.util.function.Predicate<LayerInfo> matching(String text) {
        String[] words = text == null ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        return layer -> {
            String about = (layer.name() + " " + layer.kind()).toLowerCase(Locale.ROOT);
            return java.util.Arrays.stream(words).allMatch(about::contains);
        };
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
        private final FlowPane row;
        private boolean setting;

        LayerCell() {
            kind.getStyleClass().add("hint");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            // Layer names such as conv2d_1 are shown as written, not read as keyboard mnemonics.
            box.setMnemonicParsing(false);
            // Name, then type and shape; where both do not fit the side bar (MobileNetV2's
            // "expanded_conv_depthwise_BN  BatchNormalization 112x112x32"), the type goes under the
            // name, whole, rather than being cut at the edge.
            row = new FlowPane(10, 0, box, kind);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            row.prefWrapLengthProperty().bind(list.widthProperty().subtract(CELL_INSETS));
            // The cell takes the list's width, so the list never scrolls sideways.
            setPrefWidth(0);
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
