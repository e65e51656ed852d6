package org.sieve.ui.view;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sieve.model.Labels;
import org.sieve.model.Model;
import org.sieve.model.PixelNormalization;
import org.sieve.ui.model.FileModelSettings;

/**
 * Asked once when a model file without sieve.json is opened: how its pixels are normalised
 * (a preset, each explained in one line) and, optionally, where its labels are.
 */
final class ModelSettingsDialog {

    private static final String NO_LABELS = "No labels (class numbers)";
    private static final String IMAGENET = "ImageNet-1k (built in)";
    private static final String FILE = "Labels file…";

    private final Window owner;

    ModelSettingsDialog(Window owner) {
        this.owner = owner;
    }

    /** The user's answer for {@code file}, or null when cancelled. */
    FileModelSettings ask(Path file, Model model) {
        Dialog<FileModelSettings> dialog = new Dialog<>();
        dialog.setTitle("How does this model take its pixels?");
        dialog.setHeaderText(file.getFileName() + " has no Sieve metadata. Choose how its pixels are normalised;"
                + " Sieve remembers the answer for this file.");
        ToggleGroup presets = new ToggleGroup();
        VBox box = new VBox(6);
        box.setPadding(new Insets(8));
        for (PixelNormalization.Preset p : PixelNormalization.PRESETS) {
            RadioButton button = new RadioButton(p.name() + " — " + p.explanation());
            button.setId("normalization-" + p.name());
            button.setUserData(p.name());
            button.setToggleGroup(presets);
            button.setDisable(p.mean().length != 1 && p.mean().length != model.network().input().channels());
            box.getChildren().add(button);
        }
        presets.getToggles().get(0).setSelected(true);
        ChoiceBox<String> labels = new ChoiceBox<>();
        labels.setId("labels-choice");
        labels.getItems().addAll(NO_LABELS, IMAGENET, FILE);
        labels.setValue(NO_LABELS);
        Path[] labelsFile = new Path[1];
        labels.setOnAction(e -> {
            if (FILE.equals(labels.getValue())) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Labels: a text file with one label per line");
                File f = Windows.choose(dialog.getDialogPane().getScene().getWindow(), chooser::showOpenDialog);
                labelsFile[0] = f == null ? null : f.toPath();
                if (f == null) {
                    labels.setValue(NO_LABELS);
                }
            }
        });
        box.getChildren().add(new HBox(8, new Label("Labels:"), labels));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            String chosen = (String) presets.getSelectedToggle().getUserData();
            String l = switch (labels.getValue()) {
                case IMAGENET -> Labels.IMAGENET;
                case FILE -> labelsFile[0] == null ? null : labelsFile[0].toString();
                default -> null;
            };
            return new FileModelSettings(chosen, l);
        });
        return Windows.showAndWait(dialog, owner).orElse(null);
    }
}
