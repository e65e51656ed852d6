package org.sieve.ui.view;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.sieve.ui.Actions;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.ModelEntry;

/** Chooses the active panel's model: bundled models with data set and accuracy, recently opened ones, or a folder. */
public final class ModelPicker extends VBox {

    private final ComboBox<ModelEntry> combo = new ComboBox<>();
    private final Label details = Fx.hint("");
    private boolean updating;

    public ModelPicker(Actions actions) {
        getStyleClass().add("model-picker");
        setSpacing(4);
        combo.setId("model-picker");
        combo.setItems(actions.app().models());
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setPromptText("Choose a model");
        // Every bundled model at a glance (16 today), rather than ten and a scroll bar.
        combo.setVisibleRowCount(16);
        combo.setCellFactory(list -> new EntryCell(true));
        combo.setButtonCell(new EntryCell(false));
        HBox.setHgrow(combo, Priority.ALWAYS);
        Button open = new Button(null, Fx.icon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("open-model");
        open.setTooltip(Fx.tip("Open a model file (ONNX, Keras .keras or .h5, TensorFlow.js model.json, frozen .pb) — " + Shortcut.OPEN_MODEL.display()
                + ". You can also drop one on"
                + " the window."));
        open.setOnAction(e -> Choosers.openModel(actions, getScene().getWindow()));
        getChildren().addAll(Fx.heading("Model"), new HBox(4, combo, open), details);

        combo.valueProperty().addListener((obs, was, entry) -> {
            if (!updating && entry != null) {
                actions.chooseModel(actions.app().active().get(), entry);
            }
        });
        ChangeListener<LoadedModel> modelShown = (obs, was, now) -> show(now);
        actions.app().active().addListener((obs, was, panel) -> {
            was.model().removeListener(modelShown);
            panel.model().addListener(modelShown);
            show(panel.model().get());
        });
        actions.app().active().get().model().addListener(modelShown);
        actions.app().models().addListener((javafx.collections.ListChangeListener<ModelEntry>) c ->
                show(actions.app().active().get().model().get()));
        show(actions.app().active().get().model().get());
    }

    private void show(LoadedModel model) {
        updating = true;
        try {
            if (model == null) {
                combo.setValue(null);
                details.setText("");
                return;
            }
            combo.setValue(combo.getItems().stream()
                    .filter(e -> e.dir() != null && e.dir().equals(model.model().dir())).findFirst()
                    .orElseGet(() -> combo.getItems().stream().filter(e -> e.id().equals(model.id())).findFirst()
                            .orElse(null)));
            var m = model.metadata();
            details.setText(String.format(java.util.Locale.ROOT, "%s · input %s · %,d parameters%s",
                    m.dataset() == null ? "data set unknown" : m.dataset(), m.input(), m.parameters(),
                    m.testAccuracy() == null ? ""
                            : String.format(java.util.Locale.ROOT, " · %.2f%% test accuracy", 100 * m.testAccuracy())));
        } finally {
            updating = false;
        }
    }

    /** Name in bold with data set and accuracy below in the list; just the name in the button. */
    private static final class EntryCell extends ListCell<ModelEntry> {
        private final boolean detailed;

        EntryCell(boolean detailed) {
            this.detailed = detailed;
        }

        @Override
        protected void updateItem(ModelEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (!detailed) {
                // A long name ("..., after epoch 1 of 10") takes a second line rather than being cut.
                setWrapText(true);
                setText(item.name());
                return;
            }
            Label name = new Label(item.name() + (item.recent() ? "  (opened)" : ""));
            name.getStyleClass().add("entry-name");
            String acc = item.testAccuracy() == null ? "accuracy unknown"
                    : String.format(java.util.Locale.ROOT, "%.1f%% test accuracy", 100 * item.testAccuracy());
            Label sub = new Label((item.dataset() == null ? "" : item.dataset() + " · ") + acc);
            sub.getStyleClass().add("hint");
            setText(null);
            setGraphic(new VBox(1, name, sub));
        }
    }
}
