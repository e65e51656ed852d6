package org.sieve.ui.view;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Region;
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
import org.sieve.ui.model.TechniqueComparison;
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
                item("Open image…", Shortcut.OPEN_IMAGE, () -> Choosers.openImage(actions, stage)),
                item("Paste image", Shortcut.PASTE_IMAGE, () -> Clipboards.paste(actions)),
                item("Open model…", Shortcut.OPEN_MODEL, () -> Choosers.openModel(actions, stage)),
                item("Open model folder…", null, () -> Choosers.openModelFolder(actions, stage)),
                new SeparatorMenuItem(),
                item("Save sheet…", Shortcut.SAVE_SHEET, () -> ExportDialog.saveSheet(actions, stage)),
                item("Export numbers (CSV, JSON)…", Shortcut.EXPORT_NUMBERS,
                        () -> ExportDialog.exportNumbers(actions, stage)),
                new SeparatorMenuItem(),
                item("Quit", Shortcut.QUIT, stage::close));
        Menu analysis = new Menu("_Analysis");
        analysis.getItems().addAll(
                item("Analyze", Shortcut.ANALYZE, actions::analyze),
                item("Cancel", Shortcut.CANCEL, actions::cancel),
                new SeparatorMenuItem(),
                item("Settings…", Shortcut.SETTINGS, showSettings));
        Menu view = new Menu("_View");
        view.getItems().addAll(
                check("Compare two panels", Shortcut.COMPARE, app.compare(), actions::compare),
                check("Dark theme", Shortcut.DARK_THEME, app.theme().isEqualTo(Theme.DARK),
                        dark -> app.theme().set(dark ? Theme.DARK : Theme.LIGHT)),
                check("Presentation mode", Shortcut.PRESENTATION, app.presentation(), app.presentation()::set),
                check("Side bar and tool bars", Shortcut.CONTROLS, app.controlsShown(), app.controlsShown()::set));
        Menu help = new Menu("_Help");
        Menu techniques = techniques();
        help.getItems().addAll(item("What the maps and curves mean", Shortcut.HELP, () -> HelpWindow.show(stage)),
                item("Check this installation…", null, () -> SelfTestDialog.show(actions, stage)),
                item("About Sieve", null, () -> app.tell(UserMessage.info("About Sieve", "Sieve "
                        + org.sieve.analysis.Version.SIEVE + " shows how a trained CNN discards the information of"
                        + " each input pixel, layer by layer (Ma et al., ICML 2022)."))));
        MenuBar bar = new MenuBar(file, analysis, view, techniques,
                org.sieve.ui.lesson.LessonMenu.of(actions.lessons(), app, stage), help);
        bar.setId("menu-bar");
        return bar;
    }

    /**
     * One item per bundled variant: compare mode on it and its baseline, the technique explained
     * in a note beside the window.
     * Kept in step with the catalogue, which is listed in the background.
     */
    private Menu techniques() {
        Menu menu = new Menu("_Techniques");
        menu.setId("techniques");
        Runnable fill = () -> {
            menu.getItems().clear();
            for (TechniqueComparison c : actions.app().techniques()) {
                MenuItem item = item(c.title(), null, () -> {
                    actions.openComparison(c);
                    TechniqueNote.show(stage, c);
                });
                item.setId("technique-" + c.variant().id());
                menu.getItems().add(item);
            }
            if (menu.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No variants among the models (see 'sieve train --help')");
                none.setDisable(true);
                menu.getItems().add(none);
            }
        };
        actions.app().techniques().addListener((ListChangeListener<TechniqueComparison>) change -> fill.run());
        fill.run();
        return menu;
    }

    /** A ticked menu item that shows {@code state} and reports the user's choice to {@code set}. */
    private static CheckMenuItem check(String text, Shortcut shortcut, ObservableValue<Boolean> state,
                                       Consumer<Boolean> set) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setAccelerator(shortcut.keys());
        item.setSelected(state.getValue());
        item.setOnAction(e -> set.accept(item.isSelected()));
        state.addListener((o, was, on) -> item.setSelected(on));
        return item;
    }

    public ToolBar toolBar() {
        AppModel app = actions.app();
        Button analyze = new Button("Analyze", Fx.icon(MaterialDesignP.PLAY));
        analyze.setId("analyze");
        analyze.getStyleClass().add("accent");
        analyze.setTooltip(Fx.tip("Measure what each chosen layer discards — " + Shortcut.ANALYZE.display()));
        analyze.setOnAction(e -> actions.analyze());
        Button cancel = new Button("Cancel", Fx.icon(MaterialDesignS.STOP));
        cancel.setId("cancel");
        cancel.setTooltip(Fx.tip("Stop the running analysis — " + Shortcut.CANCEL.display()));
        cancel.setOnAction(e -> actions.cancel());
        var running = app.panelA().run().status().isEqualTo(RunState.Status.RUNNING)
                .or(app.panelA().run().status().isEqualTo(RunState.Status.QUEUED))
                .or(app.panelB().run().status().isEqualTo(RunState.Status.RUNNING))
                .or(app.panelB().run().status().isEqualTo(RunState.Status.QUEUED));
        cancel.disableProperty().bind(running.not());
        Button image = new Button("Image…", Fx.icon(MaterialDesignI.IMAGE_OUTLINE));
        image.setOnAction(e -> Choosers.openImage(actions, stage));
        image.setTooltip(Fx.tip("Open an image — " + Shortcut.OPEN_IMAGE.display()));
        Button model = new Button("Model…", Fx.icon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        model.setOnAction(e -> Choosers.openModel(actions, stage));
        model.setTooltip(Fx.tip("Open a model file: Keras .keras or .h5, a TensorFlow.js model.json — "
                + Shortcut.OPEN_MODEL.display()));
        Button sheet = new Button("Save sheet…", Fx.icon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        sheet.setId("save-sheet");
        sheet.setTooltip(Fx.tip("Save a slide-sized PNG of the results — " + Shortcut.SAVE_SHEET.display()));
        sheet.setOnAction(e -> ExportDialog.saveSheet(actions, stage));
        Button theme = new Button(null, Fx.icon(MaterialDesignT.THEME_LIGHT_DARK));
        theme.setId("theme");
        theme.setTooltip(Fx.tip("Light or dark theme — " + Shortcut.DARK_THEME.display()));
        theme.setOnAction(e -> app.theme().set(app.theme().get().other()));
        Button present = new Button(null, Fx.icon(MaterialDesignP.PRESENTATION));
        present.setId("presentation");
        present.setTooltip(Fx.tip("Presentation mode: large type, full screen, only the results — "
                + Shortcut.PRESENTATION.display()));
        present.setOnAction(e -> app.presentation().set(!app.presentation().get()));
        Region spacer = new Region();
        javafx.scene.layout.HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        ToolBar bar = new ToolBar(analyze, cancel, new MetricChoice(app), new ExpectedTime(app),
                new javafx.scene.control.Separator(), image,
                model, sheet, spacer, theme, present);
        bar.setId("tool-bar");
        return bar;
    }

    private MenuItem item(String text, Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) {
            item.setAccelerator(shortcut.keys());
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
