package org.sieve.ui.view;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.UserMessage;

/**
 * Shows every new message of the model as a notification inside the window, at its bottom right:
 * drawn with the window's theme (readable on light and dark), never wider than the window, so it is
 * whole at any window size. It fades by itself (errors after longer) or on a click.
 */
public final class Notifier {

    /** At most this many at once: older ones give way. */
    private static final int SHOWN = 3;
    private static final double WIDTH = 440;
    private static final double MARGIN = 16;

    private Notifier() {
    }

    /** Adds the notifications' layer on top of {@code root}, the window's content. */
    public static void attach(AppModel app, StackPane root) {
        VBox stack = new VBox(8);
        stack.setId("notifications");
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setPadding(new Insets(MARGIN, MARGIN, MARGIN + 24, MARGIN));
        stack.setPickOnBounds(false);
        stack.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(stack, Pos.BOTTOM_RIGHT);
        root.getChildren().add(stack);
        app.messages().addListener((ListChangeListener<UserMessage>) c -> {
            while (c.next()) {
                for (UserMessage m : c.getAddedSubList()) {
                    show(app, m, stack, root);
                }
            }
        });
    }

    private static void show(AppModel app, UserMessage m, VBox stack, StackPane root) {
        Label title = new Label(m.title());
        title.getStyleClass().add("notification-title");
        title.setWrapText(true);
        Label text = new Label(m.text());
        text.setWrapText(true);
        text.getStyleClass().add("notification-text");
        Button close = new Button("×");
        close.getStyleClass().add("notification-close");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox bar = new VBox(4, new HBox(6, title, spacer, close), text);
        bar.getStyleClass().addAll("notification-bar", m.level().name().toLowerCase(java.util.Locale.ROOT));
        // Never wider than the window leaves room for; in presentation mode no wider than the curves'
        // column at the right, so that it never covers a map.
        bar.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double room = Math.min(WIDTH, root.getWidth() - 2 * MARGIN);
            return app.presentation().get() ? Math.min(room, Workspace.besideWidth(root.getWidth()) - MARGIN) : room;
        }, root.widthProperty(), app.presentation()));
        bar.prefWidthProperty().bind(bar.maxWidthProperty());
        bar.setMinHeight(Region.USE_PREF_SIZE);
        Runnable dismiss = () -> stack.getChildren().remove(bar);
        close.setOnAction(e -> dismiss.run());
        bar.setOnMouseClicked(e -> dismiss.run());
        stack.getChildren().add(bar);
        while (stack.getChildren().size() > SHOWN) {
            stack.getChildren().remove(0);
        }
        PauseTransition fade = new PauseTransition(Duration.seconds(m.level() == UserMessage.Level.ERROR ? 12 : 6));
        fade.setOnFinished(e -> dismiss.run());
        fade.play();
    }
}
