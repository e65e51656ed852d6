package org.sieve.ui.view;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.sieve.ui.Actions;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.Theme;

/**
 * The explorer's window: menus and tools on top, the side bar on the left, the panels and curves
 * in the centre, the status line below. Files dropped anywhere open as images or models.
 */
public final class MainWindow {

    private static final String BASE_CSS = "/org/sieve/ui/base.css";

    private final Scene scene;

    public MainWindow(Actions actions, Stage stage, double width, double height) {
        AppModel app = actions.app();
        Sidebar sidebar = new Sidebar(actions);
        Commands commands = new Commands(actions, stage, sidebar::showSettings);
        BorderPane root = new BorderPane();
        root.setId("explorer");
        root.setTop(new VBox(commands.menuBar(), commands.toolBar()));
        root.setLeft(sidebar);
        root.setCenter(new Workspace(actions));
        root.setBottom(new StatusLine(app));
        scene = new Scene(root, width, height);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                actions::analyze);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (actions.running()) {
                actions.cancel();
            } else if (app.presentation().get()) {
                app.presentation().set(false);
            }
        });
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean ok = db.hasFiles();
            if (ok) {
                actions.openFiles(db.getFiles());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        applyTheme(app.theme().get());
        app.theme().addListener((o, was, t) -> applyTheme(t));
        applyPresentation(root, stage, app.presentation().get());
        app.presentation().addListener((o, was, on) -> applyPresentation(root, stage, on));
        stage.fullScreenProperty().addListener((o, was, full) -> {
            if (!full && app.presentation().get()) {
                app.presentation().set(false);
            }
        });
    }

    public Scene scene() {
        return scene;
    }

    private void applyTheme(Theme theme) {
        scene.getStylesheets().setAll(List.of(css(BASE_CSS), css("/org/sieve/ui/" + theme.styleSheet())));
        scene.getRoot().getStyleClass().removeAll("light", "dark");
        scene.getRoot().getStyleClass().add(theme == Theme.DARK ? "dark" : "light");
    }

    private static String css(String resource) {
        var url = MainWindow.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing style sheet " + resource);
        }
        return url.toExternalForm();
    }

    private static void applyPresentation(BorderPane root, Stage stage, boolean on) {
        root.getStyleClass().remove("presentation");
        if (on) {
            root.getStyleClass().add("presentation");
        }
        stage.setFullScreenExitHint(on ? "Press F11 or Esc to leave presentation mode" : "");
        if (stage.isFullScreen() != on) {
            stage.setFullScreen(on);
        }
    }
}
