package org.sieve.ui.view;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sieve.image.ImageScan;
import org.sieve.ui.Actions;
import org.sieve.ui.model.AppModel;

/**
 * The explorer's file dialogs. Each starts in the folder last used (sheets, the first time, in
 * the user's Pictures folder) and remembers where the user went.
 */
final class Choosers {

    private Choosers() {
    }

    static void openImage(Actions actions, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an image");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", ImageScan.patterns()),
                new FileChooser.ExtensionFilter("All files", "*"));
        startIn(chooser, actions.app(), null);
        File f = Windows.choose(owner, chooser::showOpenDialog);
        if (f != null) {
            remember(actions.app(), f.toPath().getParent());
            actions.openImage(f.toPath());
        }
    }

    /** A model file of any recognised format (a TensorFlow.js model by its model.json). */
    static void openModel(Actions actions, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a model file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Model files", "*.keras", "*.h5", "*.hdf5", "*.onnx", "*.json", "*.pb"),
                new FileChooser.ExtensionFilter("All files (recognised by content)", "*"));
        startIn(chooser, actions.app(), null);
        File f = Windows.choose(owner, chooser::showOpenDialog);
        if (f != null) {
            remember(actions.app(), f.toPath().getParent());
            actions.openModel(f.toPath());
        }
    }

    static void openModelFolder(Actions actions, Window owner) {
        Path dir = folder(actions.app(), owner, "Open a model folder (holding model.json)");
        if (dir != null) {
            actions.openModel(dir);
        }
    }

    /** A folder chosen by the user, or null. */
    static Path folder(AppModel app, Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        Path start = existing(app.lastFolder().get());
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        File dir = Windows.choose(owner, chooser::showDialog);
        if (dir == null) {
            return null;
        }
        remember(app, dir.toPath().getParent());
        return dir.toPath();
    }

    /** Where to save a PNG named {@code name} at first, ending in .png; null if the user cancelled. */
    static Path savePng(AppModel app, Window owner, String title, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(name);
        startIn(chooser, app, pictures());
        File file = Windows.choose(owner, chooser::showSaveDialog);
        if (file == null) {
            return null;
        }
        Path p = file.toPath();
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            p = p.resolveSibling(p.getFileName() + ".png");
        }
        remember(app, p.getParent());
        return p;
    }

    private static void startIn(FileChooser chooser, AppModel app, Path fallback) {
        Path start = existing(app.lastFolder().get());
        if (start == null) {
            start = existing(fallback);
        }
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
    }

    private static void remember(AppModel app, Path folder) {
        if (folder != null) {
            app.lastFolder().set(folder.toAbsolutePath());
        }
    }

    private static Path existing(Path folder) {
        return folder != null && Files.isDirectory(folder) ? folder : null;
    }

    /** ~/Pictures where it exists, else the home folder. */
    static Path pictures() {
        Path home = Path.of(System.getProperty("user.home"));
        Path pictures = home.resolve("Pictures");
        return Files.isDirectory(pictures) ? pictures : home;
    }
}
