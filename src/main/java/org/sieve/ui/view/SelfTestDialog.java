package org.sieve.ui.view;

import java.util.stream.Collectors;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.sieve.selftest.Check;
import org.sieve.selftest.SelfTest;
import org.sieve.selftest.Verdict;
import org.sieve.ui.Actions;

/** Help, "Check this installation…": the self-test in the background, its verdict in a dialog to copy for support. */
final class SelfTestDialog {

    private SelfTestDialog() {
    }

    static void show(Actions actions, Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Check this installation");
        dialog.setHeaderText("Loading TensorFlow, analysing two layers of a bundled model and drawing a heatmap…");
        dialog.getDialogPane().setId("self-test");
        dialog.getDialogPane().setContent(new ProgressIndicator());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Windows.show(dialog, owner);
        actions.background().run(() -> SelfTest.installed().run(), verdict -> showVerdict(dialog, verdict));
    }

    private static void showVerdict(Dialog<ButtonType> dialog, Verdict verdict) {
        dialog.setHeaderText(verdict.passed()
                ? String.format(java.util.Locale.ROOT, "Sieve works on this computer (checked in %.1f s).",
                        verdict.seconds())
                : "Sieve's self-test failed. Reinstalling Sieve may help; if not, send this text with your"
                        + " support request.");
        TextArea text = new TextArea(verdict.checks().stream().map(Check::text).collect(Collectors.joining("\n")));
        text.setId("self-test-verdict");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(verdict.checks().size() + 1);
        text.setPrefColumnCount(72);
        dialog.getDialogPane().setContent(new VBox(6, Fx.hint("Select and copy this text for a support request."),
                text));
        // The dialog was sized for the progress indicator.
        dialog.getDialogPane().getScene().getWindow().sizeToScene();
    }
}
