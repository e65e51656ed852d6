package org.sieve.ui.view;

import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.Event;
import javafx.geometry.Rectangle2D;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Opens windows and dialogs at their size under real window managers. JavaFX 21's GTK glass (a)
 * shows a stage at 200x200 when its size is set before the window exists (JDK-8316423), and (b)
 * pins a modal window's owner to its remembered normal size, which makes openbox and KDE
 * un-maximise a maximised explorer to that size (JDK-8332222). So sizes are applied again once the
 * window is shown, and dialogs are shown without modality while the explorer's content is
 * disabled and deaf to keys: to the user that is a modal dialog, to the window manager a plain one.
 */
public final class Windows {

    /** How long, and how often, a window's size is asked for again. */
    private static final long SETTLE_NANOS = 10_000_000_000L;
    private static final int TRIES = 6;
    private static final double[] LOOK_AGAIN = {0.5, 1.5, 3, 6};
    /** Decorations may take this much of the size asked for. */
    private static final double TOLERANCE = 40;

    private Windows() {
    }

    /** Shows {@code stage} at {@code width} x {@code height} (the whole window, title bar included). */
    public static void show(Stage stage, double width, double height) {
        stage.setWidth(width);
        stage.setHeight(height);
        hold(stage, width, height, () -> { });
        stage.show();
    }

    /** Shows a stage at the size its scene asks for (a scene built with a size, or its content's). */
    public static void show(Stage stage) {
        Scene scene = stage.getScene();
        scene.getRoot().applyCss();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(scene.getWidth() > 0 ? scene.getWidth() : scene.getRoot().prefWidth(-1),
                screen.getWidth());
        double height = Math.min(scene.getHeight() > 0 ? scene.getHeight() : scene.getRoot().prefHeight(width),
                screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        hold(stage, width, height, () -> centreOverOwner(stage));
        stage.show();
    }

    /** Where a window without a place of its own goes once it has its size: over its owner, on the screen. */
    private static void centreOverOwner(Stage stage) {
        Window owner = stage.getOwner();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double cx = owner == null ? screen.getMinX() + screen.getWidth() / 2 : owner.getX() + owner.getWidth() / 2;
        double cy = owner == null ? screen.getMinY() + screen.getHeight() / 2 : owner.getY() + owner.getHeight() / 2;
        stage.setX(Math.max(screen.getMinX(), Math.min(cx - stage.getWidth() / 2, screen.getMaxX() - stage.getWidth())));
        stage.setY(Math.max(screen.getMinY(), Math.min(cy - stage.getHeight() / 2, screen.getMaxY() - stage.getHeight())));
    }

    /**
     * The window manager's first answer can come a second after the window shows, at GTK's default
     * size; until the window has the size asked for (a few tries, a few seconds), asks again, then
     * puts the window where it belongs at that size ({@code placed}).
     */
    private static void hold(Stage stage, double width, double height, Runnable placed) {
        // Counted from when the window is on the screen: on a busy computer showing it takes seconds.
        long[] until = {Long.MAX_VALUE};
        int[] tries = {0};
        boolean[] pending = {false};
        ChangeListener<Number> check = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> o, Number was, Number now) {
                if (System.nanoTime() > until[0] || tries[0] >= TRIES || stage.isMaximized() || stage.isFullScreen()) {
                    stage.widthProperty().removeListener(this);
                    stage.heightProperty().removeListener(this);
                } else if (!pending[0] && off(stage, width, height)) {
                    tries[0]++;
                    pending[0] = true;
                    // Later, not inside the window manager's own report, and only if still wrong then.
                    Platform.runLater(() -> {
                        pending[0] = false;
                        if (!stage.isMaximized() && !stage.isFullScreen() && off(stage, width, height)) {
                            stage.setWidth(width);
                            stage.setHeight(height);
                            placed.run();
                        }
                    });
                }
            }
        };
        stage.widthProperty().addListener(check);
        stage.heightProperty().addListener(check);
        // A window manager that answers while the toolkit is busy may leave no change to notice:
        // look again a little after the window shows.
        stage.setOnShown(e -> {
            until[0] = System.nanoTime() + SETTLE_NANOS;
            for (double seconds : LOOK_AGAIN) {
                PauseTransition later = new PauseTransition(Duration.seconds(seconds));
                later.setOnFinished(f -> check.changed(stage.widthProperty(), stage.getWidth(), stage.getWidth()));
                later.play();
            }
        });
    }

    private static boolean off(Stage stage, double width, double height) {
        return Math.abs(stage.getWidth() - width) > TOLERANCE || Math.abs(stage.getHeight() - height) > TOLERANCE;
    }

    /** A dialog over {@code owner}, the owner blocked until it closes; the dialog's answer. */
    public static <R> Optional<R> showAndWait(Dialog<R> dialog, Window owner) {
        prepare(dialog, owner);
        Runnable release = block(owner);
        try {
            return dialog.showAndWait();
        } finally {
            release.run();
        }
    }

    /** A dialog over {@code owner} that returns at once; the owner stays blocked until it closes. */
    public static void show(Dialog<?> dialog, Window owner) {
        prepare(dialog, owner);
        Runnable release = block(owner);
        dialog.setOnHidden(e -> release.run());
        dialog.show();
    }

    /**
     * A file or folder chooser: the system's dialog, opened without an owner so that GTK does not
     * pin the explorer's size, while the explorer is blocked.
     */
    public static <T> T choose(Window owner, java.util.function.Function<Window, T> chooser) {
        Runnable release = block(owner);
        try {
            return chooser.apply(null);
        } finally {
            release.run();
        }
    }

    private static void prepare(Dialog<?> dialog, Window owner) {
        if (dialog.getOwner() == null && owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.NONE);
    }

    /** Disables the owner's content and swallows its keys (shortcuts included); returns the undo. */
    private static Runnable block(Window owner) {
        Scene scene = owner == null ? null : owner.getScene();
        if (scene == null || scene.getRoot() == null) {
            return () -> { };
        }
        boolean wasDisabled = scene.getRoot().isDisable();
        EventHandler<KeyEvent> deaf = Event::consume;
        scene.getRoot().setDisable(true);
        scene.addEventFilter(KeyEvent.ANY, deaf);
        return () -> {
            scene.removeEventFilter(KeyEvent.ANY, deaf);
            scene.getRoot().setDisable(wasDisabled);
        };
    }
}
