package org.sieve.ui.view;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.sieve.ui.Actions;
import org.sieve.ui.model.AppModel;

/** The left column: what the active panel analyses (model, layers, image, foreground) and the settings. */
public final class Sidebar extends ScrollPane {

    private final TitledPane settings;
    private boolean revealSettings;

    public Sidebar(Actions actions) {
        AppModel app = actions.app();
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setId("sidebar");
        getStyleClass().add("sidebar");
        setPrefWidth(330);
        setMinWidth(280);
        app.presentation().addListener((o, was, on) -> {
            setPrefWidth(on ? 470 : 330);
            setMinWidth(on ? 400 : 280);
        });
        Label editing = new Label();
        editing.getStyleClass().add("editing");
        editing.textProperty().bind(Bindings.createStringBinding(() -> "Editing panel " + app.active().get().id()
                + " (click a panel to edit it)", app.active()));
        editing.visibleProperty().bind(app.compare());
        editing.managedProperty().bind(app.compare());
        settings = new TitledPane("Settings", null);
        settings.setId("settings");
        settings.setExpanded(false);
        settings.setAnimated(false);
        // Built when first opened: the property sheet is the heaviest part of the side bar.
        settings.expandedProperty().addListener((o, was, open) -> {
            if (open && settings.getContent() == null) {
                settings.setContent(new SettingsView(app));
            }
            if (open) {
                // Bring it into view (it is the last section) once the side bar has grown by it.
                revealSettings = true;
                setVvalue(getVmax());
            }
        });
        VBox content = new VBox(14, editing, new ModelPicker(actions), new LayerPicker(app),
                new ImageSection(actions), new ForegroundSection(app), settings);
        content.setPadding(new Insets(10));
        content.heightProperty().addListener((o, was, now) -> {
            if (revealSettings && now.doubleValue() > was.doubleValue()) {
                revealSettings = false;
                setVvalue(getVmax());
            }
        });
        setContent(content);
    }

    public void showSettings() {
        settings.setExpanded(true);
        setVvalue(getVmax());
    }
}
