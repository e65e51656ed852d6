package org.sieve.ui.view;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.sieve.ui.Actions;
import org.sieve.ui.lesson.LessonBanner;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.Theme;

/**
 * The explorer's window: menus and tools on top, the side bar on the left, the panels and curves
 * in the centre, the status line below. In presentation mode the window fills the screen with the
 * results alone, their type enlarged; a small overlay (or Ctrl+B) brings the controls back. Files
 * dropped anywhere open as images or models.
 */
public final class MainWindow {

    private static final String BASE_CSS = "/org/sieve/ui/base.css";

    private final Scene scene;

    public MainWindow(Actions actions, Stage stage, double width, double height) {
        AppModel app = actions.app();
        actions.modelQuestion(new ModelSettingsDialog(stage)::ask);
        actions.longRunQuestion(new LongRunDialog(stage)::analyzeAnyway);
        Sidebar sidebar = new Sidebar(actions);
        Commands commands = new Commands(actions, stage, sidebar::showSettings);
        BorderPane frame = new BorderPane();
        VBox bars = new VBox(commands.menuBar(), commands.toolBar());
        StatusLine status = new StatusLine(app);
        for (Node controls : List.of(bars, sidebar, status)) {
            controls.visibleProperty().bind(app.controlsShown());
            controls.managedProperty().bind(app.controlsShown());
        }
        frame.setTop(new VBox(bars, LessonBanner.of(actions.lessons())));
        frame.setLeft(sidebar);
        frame.setCenter(new Workspace(actions));
        HBox overlay = overlay(actions);
        frame.setBottom(new VBox(status, overlay));
        StackPane root = new StackPane(frame);
        root.setId("explorer");
        Notifier.attach(app, root);
        scene = new Scene(root, width, height);
        fadeWhenIdle(overlay);
        LessonBanner.keys(scene, actions.lessons());
        scene.getAccelerators().put(Shortcut.ANALYZE_TOO.keys(), actions::analyze);
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
        applyPresentation(stage, app.presentation().get());
        app.presentation().addListener((o, was, on) -> applyPresentation(stage, on));
        stage.fullScreenProperty().addListener((o, was, full) -> {
            if (!full && app.presentation().get()) {
                app.presentation().set(false);
            }
        });
    }

    /**
     * While presenting without the controls, a bar under the results (never over them) with the
     * keys that leave and buttons that analyse, bring the controls back, or stop presenting.
     */
    private static HBox overlay(Actions actions) {
        AppModel app = actions.app();
        Button analyze = overlayButton("overlay-analyze", MaterialDesignP.PLAY, "Analyze — "
                + Shortcut.ANALYZE.display());
        analyze.setOnAction(e -> actions.analyze());
        Button controls = overlayButton("overlay-controls", MaterialDesignV.VIEW_DASHBOARD_OUTLINE,
                "Show the side bar and tool bars — " + Shortcut.CONTROLS.display());
        controls.setOnAction(e -> app.controlsShown().set(true));
        Button leave = overlayButton("overlay-leave", MaterialDesignF.FULLSCREEN_EXIT, "Leave presentation mode — "
                + Shortcut.PRESENTATION.display() + " or Esc");
        leave.setOnAction(e -> app.presentation().set(false));
        javafx.scene.control.Label keys = new javafx.scene.control.Label("F11 or Esc leaves presentation mode · "
                + Shortcut.CONTROLS.display() + " shows the controls");
        keys.getStyleClass().add("hint");
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox overlay = new HBox(4, keys, spacer, analyze, controls, leave);
        overlay.setId("presentation-overlay");
        overlay.getStyleClass().add("presentation-overlay");
        overlay.setAlignment(Pos.CENTER_LEFT);
        overlay.visibleProperty().bind(app.presentation().and(app.controlsShown().not()));
        overlay.managedProperty().bind(overlay.visibleProperty());
        return overlay;
    }

    /** The overlay steps aside after a few seconds without the mouse moving, and comes back when it moves. */
    private void fadeWhenIdle(HBox overlay) {
        PauseTransition idle = new PauseTransition(Duration.seconds(3));
        idle.setOnFinished(e -> overlay.setOpacity(0));
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            overlay.setOpacity(1);
            idle.playFromStart();
        });
        overlay.visibleProperty().addListener((o, was, shown) -> {
            overlay.setOpacity(1);
            idle.playFromStart();
        });
    }

    private static Button overlayButton(String id, org.kordamp.ikonli.Ikon icon, String tip) {
        Button b = new Button(null, Fx.icon(icon));
        b.setId(id);
        b.setTooltip(Fx.tip(tip));
        b.setAccessibleText(tip);
        return b;
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

    private void applyPresentation(Stage stage, boolean on) {
        scene.getRoot().getStyleClass().remove("presentation");
        if (on) {
            scene.getRoot().getStyleClass().add("presentation");
        }
        // The toolkit's hint would cover the maps for seconds; the presentation bar says it instead.
        stage.setFullScreenExitHint("");
        if (stage.isFullScreen() != on) {
            stage.setFullScreen(on);
        }
    }
}
