package org.sieve.ui.view;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.sieve.ui.Actions;
import org.sieve.ui.model.LoadedModel;

/** The bundled sample images as thumbnails, grouped as digits, clothing and photographs; a click opens one. */
public final class Gallery extends VBox {

    private static final double THUMB = 44;

    private final Actions actions;
    private final ChoiceBox<String> group = new ChoiceBox<>();
    private final TilePane tiles = new TilePane(4, 4);

    public Gallery(Actions actions) {
        this.actions = actions;
        setSpacing(4);
        group.getItems().addAll("Digits", "Clothing", "Photos");
        group.setValue("Digits");
        group.setId("gallery-group");
        group.valueProperty().addListener(o -> fill());
        tiles.setId("gallery");
        tiles.setPrefColumns(5);
        tiles.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(group, tiles);
        actions.app().sampleImages().addListener((ListChangeListener<Path>) c -> fill());
        actions.app().panelA().model().addListener((o, was, m) -> followModel(m));
        fill();
    }

    /** Shows the group that suits the model's data set. */
    private void followModel(LoadedModel m) {
        if (m == null || m.metadata().dataset() == null) {
            return;
        }
        String d = m.metadata().dataset().toLowerCase(java.util.Locale.ROOT);
        group.setValue(d.contains("fashion") ? "Clothing" : d.contains("mnist") ? "Digits" : "Photos");
    }

    private String folderOf(String groupName) {
        return switch (groupName) {
            case "Digits" -> "mnist";
            case "Clothing" -> "fashion";
            default -> "photos";
        };
    }

    private void fill() {
        String wanted = folderOf(group.getValue());
        List<Path> images = actions.app().sampleImages().stream()
                .filter(p -> actions.sampleGroup(p).equals(wanted)).toList();
        tiles.getChildren().clear();
        for (Path p : images) {
            ImageView view = new ImageView(new Image(p.toUri().toString(), THUMB, THUMB, true, true, true));
            view.setFitWidth(THUMB);
            view.setFitHeight(THUMB);
            view.setPreserveRatio(true);
            Button b = new Button(null, view);
            b.getStyleClass().add("thumb");
            String file = p.getFileName().toString();
            b.setId("sample-" + (file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file));
            b.setTooltip(Fx.tip(p.getFileName().toString()));
            b.setOnAction(e -> actions.openImage(p));
            tiles.getChildren().add(b);
        }
    }
}
