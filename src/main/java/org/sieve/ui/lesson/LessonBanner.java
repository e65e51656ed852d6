package org.sieve.ui.lesson;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.Scene;
import org.sieve.lesson.LessonStep;

/**
 * While a lesson plays: the step's title with its caption under it in large type, and a small
 * step counter, above the maps; and the keys presenter clickers send to move between steps.
 */
public final class LessonBanner {

    private LessonBanner() {
    }

    /** The banner, shown only while a lesson plays. */
    public static Node of(LessonSession session) {
        Label title = new Label();
        title.setId("lesson-title");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        Label caption = new Label();
        caption.setId("lesson-caption");
        caption.getStyleClass().add("lesson-caption");
        caption.setWrapText(true);
        Label counter = new Label();
        counter.setId("lesson-counter");
        counter.getStyleClass().add("lesson-counter");
        Runnable fill = () -> {
            int i = session.playing().get();
            if (i < 0 || session.lesson().get() == null) {
                return;
            }
            LessonStep step = session.lesson().get().steps().get(i);
            title.setText(step.title());
            caption.setText(step.caption());
            caption.setManaged(!step.caption().isBlank());
            counter.setText((i + 1) + " / " + session.lesson().get().steps().size());
        };
        session.playing().addListener((o, was, now) -> fill.run());
        session.lesson().addListener((o, was, now) -> fill.run());
        BorderPane head = new BorderPane(title);
        BorderPane.setAlignment(title, javafx.geometry.Pos.CENTER_LEFT);
        head.setRight(counter);
        VBox banner = new VBox(4, head, caption);
        banner.setId("lesson-banner");
        banner.getStyleClass().add("lesson-banner");
        banner.setStyle("-fx-padding: 12 24 8 24;");
        title.setStyle("-fx-font-size: 2.4em; -fx-font-weight: bold;");
        caption.setStyle("-fx-font-size: 1.7em;");
        counter.setStyle("-fx-font-size: 0.9em; -fx-opacity: 0.7;");
        var shown = Bindings.createBooleanBinding(() -> session.playing().get() >= 0, session.playing());
        banner.visibleProperty().bind(shown);
        banner.managedProperty().bind(shown);
        return banner;
    }

    /** Right, Page Down and Space go on; Left, Page Up and Backspace go back: only while a lesson plays. */
    public static void keys(Scene scene, LessonSession session) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!session.isPlaying() || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            KeyCode key = e.getCode();
            if (key == KeyCode.RIGHT || key == KeyCode.PAGE_DOWN || key == KeyCode.SPACE) {
                session.next();
                e.consume();
            } else if (key == KeyCode.LEFT || key == KeyCode.PAGE_UP || key == KeyCode.BACK_SPACE) {
                session.previous();
                e.consume();
            }
        });
    }
}
