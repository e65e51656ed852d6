package org.sieve.ui.lesson;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sieve.lesson.BundledLessons;
import org.sieve.ui.model.AppModel;

/** The explorer's Lesson menu: make a lesson from views, open and save it, play, prepare and export it. */
public final class LessonMenu {

    private LessonMenu() {
    }

    public static Menu of(LessonSession session, AppModel app, Window owner) {
        Path home = session.home();
        Menu menu = new Menu("_Lesson");
        menu.setId("lesson-menu");
        MenuItem add = item("Add this view as a step", "lesson-add", session::addCurrentView);
        MenuItem edit = item("Edit steps…", "lesson-edit", () -> StepEditor.show(session, owner));
        MenuItem open = item("Open lesson…", "lesson-open", () -> {
            File f = chooser("Open a lesson", app, home).showOpenDialog(owner);
            if (f != null) {
                app.lastFolder().set(f.toPath().getParent());
                session.open(f.toPath());
            }
        });
        MenuItem save = item("Save lesson…", "lesson-save", () -> {
            FileChooser chooser = chooser("Save the lesson", app, home);
            Path current = session.file().get();
            chooser.setInitialFileName(current == null ? "lesson.json" : current.getFileName().toString());
            File f = chooser.showSaveDialog(owner);
            if (f != null) {
                app.lastFolder().set(f.toPath().getParent());
                session.save(f.toPath());
            }
        });
        MenuItem play = item("Play", "lesson-play", session::play);
        MenuItem prepare = item("Prepare (compute every step now)", "lesson-prepare", session::prepare);
        MenuItem export = item("Export PDF…", "lesson-export", () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the lesson as PDF slides");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            chooser.setInitialFileName("slides.pdf");
            if (app.lastFolder().get() != null && app.lastFolder().get().toFile().isDirectory()) {
                chooser.setInitialDirectory(app.lastFolder().get().toFile());
            }
            File f = chooser.showSaveDialog(owner);
            if (f != null) {
                session.exportPdf(f.toPath());
            }
        });
        MenuItem work = new MenuItem();
        work.setDisable(true);
        work.textProperty().bind(session.work());
        work.visibleProperty().bind(session.work().isNotEmpty());
        var none = session.lesson().isNull();
        for (MenuItem needsLesson : new MenuItem[] {edit, save, play, prepare, export}) {
            needsLesson.disableProperty().bind(none);
        }
        prepare.disableProperty().unbind();
        prepare.disableProperty().bind(none.or(session.work().isNotEmpty()));
        export.disableProperty().unbind();
        export.disableProperty().bind(none.or(session.work().isNotEmpty()));
        menu.getItems().addAll(add, edit, new SeparatorMenuItem(), open, save, new SeparatorMenuItem(), play, prepare,
                export, work);
        return menu;
    }

    /** Lesson files, starting in the folder last used or else the bundled lessons. */
    private static FileChooser chooser(String title, AppModel app, Path home) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Lessons", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path start = app.lastFolder().get() != null ? app.lastFolder().get()
                : new BundledLessons(home.resolve("assets").resolve("lessons")).folder();
        if (start.toFile().isDirectory()) {
            chooser.setInitialDirectory(start.toFile());
        }
        return chooser;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
