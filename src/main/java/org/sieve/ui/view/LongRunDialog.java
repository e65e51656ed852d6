package org.sieve.ui.view;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.sieve.ui.model.RunEstimate;

/**
 * Asked before an analysis expected to take more than two minutes starts, so that one key press
 * on a big model cannot start an hour's work. Cancel is the default: Enter and Esc both start nothing.
 */
final class LongRunDialog {

    static final ButtonType ANYWAY = new ButtonType("Analyze anyway", ButtonBar.ButtonData.OK_DONE);

    private final Window owner;

    LongRunDialog(Window owner) {
        this.owner = owner;
    }

    boolean analyzeAnyway(RunEstimate expected, int layers) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("A long analysis");
        dialog.setHeaderText("Analysing these " + layers + " layers is expected to take " + expected.text() + ".");
        Label detail = new Label("About " + expected.steps() + " optimisation steps, their cost "
                + expected.basis() + ". Choose fewer layers to make it shorter: a handful spread over the"
                + " network's depth shows how it discards information.");
        detail.setWrapText(true);
        detail.setPrefWidth(460);
        dialog.getDialogPane().setContent(detail);
        dialog.getDialogPane().setId("long-run-question");
        dialog.getDialogPane().getButtonTypes().setAll(ANYWAY, ButtonType.CANCEL);
        var cancel = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        var anyway = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ANYWAY);
        anyway.setDefaultButton(false);
        anyway.setId("analyze-anyway");
        cancel.setDefaultButton(true);
        cancel.setId("long-run-cancel");
        return Windows.showAndWait(dialog, owner).filter(ANYWAY::equals).isPresent();
    }
}
