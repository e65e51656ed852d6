package org.sieve.ui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sieve.ui.Actions;

/** "Save comparison sheet…" (resolution, then file) and "Export numbers…" (a folder). */
final class ExportDialog {

    private static final Integer[] WIDTHS = {1280, 1920, 2560, 3840};

    private ExportDialog() {
    }

    static void saveSheet(Actions actions, Window owner) {
        if (actions.sheetPanels().isEmpty()) {
            actions.app().tell(org.sieve.ui.model.UserMessage.warning("Nothing to save",
                    "Analyse first (F5); the sheet shows the results."));
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Save comparison sheet");
        dialog.setHeaderText("A PNG with the title, the heatmaps on one colour scale, the colour bar, the settings"
                + " and the entropy curves.");
        ChoiceBox<Integer> width = new ChoiceBox<>();
        width.getItems().addAll(WIDTHS);
        width.setValue(1920);
        width.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer w) {
                return w == null ? "" : w + " pixels wide" + (w == 1920 ? " (full HD slides)" : w == 3840
                        ? " (4K, print)" : "");
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        dialog.getDialogPane().setContent(new VBox(6, Fx.hint("Resolution"), width));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save comparison sheet");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName("sieve-sheet.png");
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            Path p = file.toPath();
            if (!p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                p = p.resolveSibling(p.getFileName() + ".png");
            }
            actions.exportSheet(p, width.getValue(), written -> { });
        }
    }

    static void exportNumbers(Actions actions, Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export numbers (result.json, entropy.csv, heatmaps) into a folder");
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            actions.exportNumbers(dir.toPath());
        }
    }
}
