package org.sieve.ui.view;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.sieve.report.Captions;
import org.sieve.report.SheetSize;
import org.sieve.ui.Actions;
import org.sieve.ui.model.UserMessage;

/** "Save sheet…" (its exact size, then the file) and "Export numbers…" (a folder). */
final class ExportDialog {

    private ExportDialog() {
    }

    static void saveSheet(Actions actions, Window owner) {
        if (actions.sheetPanels().isEmpty()) {
            actions.app().tell(UserMessage.warning("Nothing to save",
                    "Analyse first (F5); the sheet shows the results."));
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Save sheet");
        dialog.setHeaderText("A slide of the results: the title, the maps with their colour bar, the settings and"
                + " the curves, laid out to fill the size you choose.");
        ComboBox<String> size = new ComboBox<>();
        size.setId("sheet-size");
        size.setEditable(true);
        for (SheetSize s : SheetSize.PRESETS) {
            size.getItems().add(s + describe(s));
        }
        SheetSize last = actions.app().sheetSize().get();
        size.setValue(last + describe(last));
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(6, Fx.hint("Size in pixels: choose a 16:9 slide or type"
                + " WIDTHxHEIGHT, e.g. 1600x1200"), size, problem));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        size.getEditor().textProperty().addListener((o, was, text) -> {
            problem.setText(problem(text));
            ok.setDisable(!problem.getText().isEmpty());
        });
        Optional<ButtonType> answer = Windows.showAndWait(dialog, owner);
        if (answer.isEmpty() || answer.get() != ButtonType.OK || !problem(size.getEditor().getText()).isEmpty()) {
            return;
        }
        SheetSize chosen = parse(size.getEditor().getText());
        actions.app().sheetSize().set(chosen);
        Path file = Choosers.savePng(actions.app(), owner, "Save sheet", Captions.fileName(actions.sheetPanels()));
        if (file != null) {
            actions.exportSheet(file, chosen, written -> { });
        }
    }

    private static String describe(SheetSize s) {
        return switch (s.width()) {
            case 1920 -> s.height() == 1080 ? " (Full HD slide)" : "";
            case 2560 -> s.height() == 1440 ? " (QHD slide)" : "";
            case 3840 -> s.height() == 2160 ? " (4K slide, print)" : "";
            default -> "";
        };
    }

    /** The size at the start of the text: "1920x1080 (Full HD slide)" or a typed "1600x900". */
    private static SheetSize parse(String text) {
        return SheetSize.parse(text.replaceAll("\\s*\\(.*$", ""));
    }

    /** Why the text is not a size Sieve can draw, or "". */
    private static String problem(String text) {
        try {
            parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static void exportNumbers(Actions actions, Window owner) {
        Path dir = Choosers.folder(actions.app(), owner, "Export numbers (result.json, entropy.csv, heatmaps) into a"
                + " folder");
        if (dir != null) {
            actions.exportNumbers(dir);
        }
    }
}
