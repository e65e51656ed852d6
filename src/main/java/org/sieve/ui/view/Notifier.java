package org.sieve.ui.view;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.UserMessage;

/** Shows every new message of the model as a ControlsFX notification in the window's corner. */
public final class Notifier {

    private Notifier() {
    }

    public static void attach(AppModel app, Window owner) {
        app.messages().addListener((ListChangeListener<UserMessage>) c -> {
            while (c.next()) {
                for (UserMessage m : c.getAddedSubList()) {
                    show(m, owner);
                }
            }
        });
    }

    private static void show(UserMessage m, Window owner) {
        Notifications n = Notifications.create().title(m.title()).text(m.text()).owner(owner)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(m.level() == UserMessage.Level.ERROR ? 12 : 6));
        n.styleClass("sieve-notification");
        switch (m.level()) {
            case ERROR -> n.showError();
            case WARNING -> n.showWarning();
            default -> n.showInformation();
        }
    }
}
