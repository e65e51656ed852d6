package org.sieve.ui.view;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sieve.ui.model.TechniqueComparison;

/**
 * The paragraph on a technique beside the explorer while its comparison is open: a small window
 * that stays until closed (Esc), where a notification would fade before a lecture got to it. One
 * at a time: opening another comparison replaces it.
 */
final class TechniqueNote {

    private static final double TEXT = 520;
    private static Stage open;

    private TechniqueNote() {
    }

    static Stage show(Window owner, TechniqueComparison c) {
        if (open != null) {
            open.close();
        }
        Label body = new Label(c.explanation());
        body.setWrapText(true);
        body.setPrefWidth(TEXT);
        body.setMinHeight(Region.USE_PREF_SIZE);
        body.getStyleClass().add("help-text");
        body.setId("technique-explanation");
        VBox page = new VBox(8, Fx.heading(c.heading()), body);
        page.setPadding(new Insets(14));
        page.setId("technique-note");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(c.title());
        Scene scene = new Scene(page);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            page.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        Windows.show(stage);
        open = stage;
        return stage;
    }
}
