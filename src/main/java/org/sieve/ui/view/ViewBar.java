package org.sieve.ui.view;

import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.sieve.render.ColourMap;
import org.sieve.ui.Actions;
import org.sieve.ui.model.CompareKind;

/** How results are shown: colour map and opacity of the heatmaps, and compare mode with what it compares. */
public final class ViewBar extends HBox {

    public ViewBar(Actions actions) {
        var app = actions.app();
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("view-bar");
        ChoiceBox<ColourMap> map = new ChoiceBox<>();
        map.setId("colour-map");
        map.getItems().addAll(ColourMap.values());
        map.valueProperty().bindBidirectional(app.colourMap());
        map.setTooltip(Fx.tip("Colour map of the maps (low values dark, high bright)"));
        Slider opacity = new Slider(0, 1, app.opacity().get());
        opacity.setId("opacity");
        opacity.setPrefWidth(140);
        opacity.valueProperty().bindBidirectional(app.opacity());
        opacity.setTooltip(Fx.tip("Opacity of the maps over the input image"));
        ToggleButton compare = new ToggleButton("Compare", Fx.icon(MaterialDesignC.COMPARE));
        compare.setId("compare");
        compare.setTooltip(Fx.tip("Two panels side by side, kept in step — " + Shortcut.COMPARE.display()));
        compare.setSelected(app.compare().get());
        compare.selectedProperty().addListener((o, was, on) -> actions.compare(on));
        app.compare().addListener((o, was, on) -> compare.setSelected(on));
        ChoiceBox<CompareKind> kind = new ChoiceBox<>();
        kind.setId("compare-kind");
        kind.getItems().addAll(CompareKind.values());
        kind.valueProperty().bindBidirectional(app.compareKind());
        kind.disableProperty().bind(app.compare().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(new Label("Colours"), map, new ColourRangeChoice(app), new Label("Opacity"), opacity,
                spacer, compare, kind);
    }
}
