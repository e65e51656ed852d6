package org.sieve.ui.view;

import java.io.File;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.sieve.ui.Actions;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.RunState;
import org.sieve.ui.model.Theme;
import org.sieve.ui.model.UserMessage;

/** The menu bar (with every keyboard shortcut) and the tool bar with the main buttons. */
public final class Commands {

    private final Actions actions;
    private final Stage stage;
    private final Runnable showSettings;

    public Commands(Actions actions, Stage stage, Runnable showSettings) {
        this.actions = actions;
        this.stage = stage;
        this.showSettings = showSettings;
    }

    public MenuBar menuBar() {
        AppModel app = actions.app();
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("Open image…", "Shortcut+O", this::openImage),
                item("Paste image", "Shortcut+V", () -> Clipboards.paste(actions)),
                item("Open model folder…", "Shortcut+Shift+O", this::openModel),
                new SeparatorMenuItem(),
                item("Save comparison sheet…", "Shortcut+S", () -> ExportDialog.saveSheet(actions, stage)),
                item("Export numbers (CSV, JSON)…", "Shortcut+E", () -> ExportDialog.exportNumbers(actions, stage)),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", stage::close));
        Menu analysis = new Menu("_Analysis");
        analysis.getItems().addAll(
                item("Analyze", "F5", actions::analyze),
                item("Cancel", "Shortcut+Period", actions::cancel),
                new SeparatorMenuItem(),
                item("Settings…", "Shortcut+Comma", showSettings));
        CheckMenuItem compare = new CheckMenuItem("Compare two panels");
        compare.setAccelerator(KeyCombination.keyCombination("Shortcut+K"));
        compare.setSelected(app.compare().get());
        compare.setOnAction(e -> actions.compare(compare.isSelected()));
        app.compare().addListener((o, was, on) -> compare.setSelected(on));
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        dark.setSelected(app.theme().get() == Theme.DARK);
        dark.setOnAction(e -> app.theme().set(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        app.theme().addListener((o, was, t) -> dark.setSelected(t == Theme.DARK));
        CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
        presentation.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        presentation.setSelected(app.presentation().get());
        presentation.setOnAction(e -> app.presentation().set(presentation.isSelected()));
        app.presentation().addListener((o, was, on) -> presentation.setSelected(on));
        Menu view = new Menu("_View");
        view.getItems().addAll(compare, dark, presentation);
        Menu help = new Menu("_Help");
        help.getItems().addAll(item("Keyboard shortcuts", "F1", this::shortcuts),
                item("Check this installation…", null, () -> SelfTestDialog.show(actions, stage)),
                item("About Sieve", null,
                () -> app.tell(UserMessage.info("About Sieve", "Sieve " + org.sieve.analysis.Version.SIEVE
                        + " shows how a trained CNN discards the information of each input pixel, layer by layer"
                        + " (Ma et al., ICML 2022)."))));
        MenuBar bar = new MenuBar(file, analysis, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    public ToolBar toolBar() {
        AppModel app = actions.app();
        Button analyze = new Button("Analyze", Fx.icon(MaterialDesignP.PLAY));
        analyze.setId("analyze");
        analyze.getStyleClass().add("accent");
        analyze.setTooltip(Fx.tip("Measure what each chosen layer discards — F5"));
        analyze.setOnAction(e -> actions.analyze());
        Button cancel = new Button("Cancel", Fx.icon(MaterialDesignS.STOP));
        cancel.setId("cancel");
        cancel.setTooltip(Fx.tip("Stop the running analysis — Ctrl+."));
        cancel.setOnAction(e -> actions.cancel());
        var running = app.panelA().run().status().isEqualTo(RunState.Status.RUNNING)
                .or(app.panelA().run().status().isEqualTo(RunState.Status.QUEUED))
                .or(app.panelB().run().status().isEqualTo(RunState.Status.RUNNING))
                .or(app.panelB().run().status().isEqualTo(RunState.Status.QUEUED));
        cancel.disableProperty().bind(running.not());
        Button image = new Button("Image…", Fx.icon(MaterialDesignI.IMAGE_OUTLINE));
        image.setOnAction(e -> openImage());
        image.setTooltip(Fx.tip("Open an image — Ctrl+O"));
        Button model = new Button("Model…", Fx.icon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        model.setOnAction(e -> openModel());
        model.setTooltip(Fx.tip("Open a model folder — Ctrl+Shift+O"));
        Button sheet = new Button("Save sheet…", Fx.icon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        sheet.setId("save-sheet");
        sheet.setTooltip(Fx.tip("Save a presentation-ready PNG of the results — Ctrl+S"));
        sheet.setOnAction(e -> ExportDialog.saveSheet(actions, stage));
        Button theme = new Button(null, Fx.icon(MaterialDesignT.THEME_LIGHT_DARK));
        theme.setId("theme");
        theme.setTooltip(Fx.tip("Light or dark theme — Ctrl+T"));
        theme.setOnAction(e -> app.theme().set(app.theme().get().other()));
        Button present = new Button(null, Fx.icon(MaterialDesignP.PRESENTATION));
        present.setId("presentation");
        present.setTooltip(Fx.tip("Presentation mode: large fonts, full screen — F11"));
        present.setOnAction(e -> app.presentation().set(!app.presentation().get()));
        Region spacer = new Region();
        javafx.scene.layout.HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        ToolBar bar = new ToolBar(analyze, cancel, new MetricChoice(app), new javafx.scene.control.Separator(), image,
                model, sheet, spacer, theme, present);
        bar.setId("tool-bar");
        return bar;
    }

    private MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void openImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an image");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            actions.openImage(f.toPath());
        }
    }

    private void openModel() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a model folder (with model.json)");
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            actions.openModel(dir.toPath());
        }
    }

    private void shortcuts() {
        actions.app().tell(UserMessage.info("Keyboard shortcuts", """
                F5 or Ctrl+Enter analyse · Ctrl+. cancel · Ctrl+O open image · Ctrl+V paste image ·\
                 Ctrl+Shift+O open model · Ctrl+S save sheet · Ctrl+E export numbers · Ctrl+K compare ·\
                 Ctrl+T dark theme · F11 presentation · Ctrl+, settings"""));
    }
}
