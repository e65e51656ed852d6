package org.sieve.ui.view;

import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.sieve.report.Captions;
import org.sieve.report.ColourRange;
import org.sieve.ui.model.AppModel;

/**
 * The maps' colour range: robust or full, shared by every map on screen or per layer, or a range
 * typed in two fields (applied on Enter or when the field is left; a wrong value is marked and
 * its tooltip says why).
 */
final class ColourRangeChoice extends HBox {

    /** Stands for "a typed range" in the menu; the fields hold its ends. */
    private static final ColourRange TYPED = ColourRange.typed(0, 1);

    private final AppModel app;
    private final ChoiceBox<ColourRange> choice = new ChoiceBox<>();
    private final TextField min = new TextField();
    private final TextField max = new TextField();
    private boolean showing;

    ColourRangeChoice(AppModel app) {
        this.app = app;
        setSpacing(4);
        setAlignment(Pos.CENTER_LEFT);
        choice.setId("colour-range");
        choice.getItems().addAll(ColourRange.PRESETS);
        choice.getItems().add(TYPED);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ColourRange r) {
                return r == null ? "" : r.extent() == ColourRange.Extent.TYPED ? "Typed range" : switch (r.extent()) {
                    case ROBUST -> "Robust";
                    default -> "Full";
                } + (r.scope() == ColourRange.Scope.PER_LAYER ? ", per layer" : ", shared");
            }

            @Override
            public ColourRange fromString(String s) {
                return null;
            }
        });
        choice.setTooltip(Fx.tip("Colour range of the maps. Robust: from the 2nd to the 98th percentile of the values,"
                + " so a few extreme cells (drawn striped) do not wash out the rest. Full: every value. Shared: one"
                + " range for every map on screen, so colours compare; per layer: each map its own."));
        for (TextField f : new TextField[] {min, max}) {
            f.setPrefColumnCount(4);
            f.managedProperty().bind(f.visibleProperty());
            f.setOnAction(e -> applyTyped());
            f.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    applyTyped();
                }
            });
        }
        min.setId("colour-min");
        max.setId("colour-max");
        min.setPromptText("from");
        max.setPromptText("to");
        getChildren().addAll(choice, min, max);
        choice.valueProperty().addListener((o, was, now) -> {
            if (showing || now == null) {
                return;
            }
            if (now == TYPED) {
                min.setVisible(true);
                max.setVisible(true);
                min.requestFocus();
            } else {
                app.colourRange().set(now);
            }
        });
        app.colourRange().addListener((o, was, now) -> show(now));
        show(app.colourRange().get());
    }

    private void show(ColourRange range) {
        showing = true;
        boolean typed = range.extent() == ColourRange.Extent.TYPED;
        choice.setValue(typed ? TYPED : range);
        min.setVisible(typed);
        max.setVisible(typed);
        if (typed) {
            min.setText(Captions.number(range.min()));
            max.setText(Captions.number(range.max()));
        }
        showing = false;
    }

    private void applyTyped() {
        if (choice.getValue() != TYPED || min.getText().isBlank() || max.getText().isBlank()) {
            return;
        }
        try {
            app.colourRange().set(ColourRange.parse(min.getText().trim() + "," + max.getText().trim()));
            mark(null);
        } catch (IllegalArgumentException e) {
            mark(e.getMessage());
        }
    }

    private void mark(String problem) {
        for (TextField f : new TextField[] {min, max}) {
            f.getStyleClass().remove("invalid");
            if (problem != null) {
                f.getStyleClass().add("invalid");
            }
            f.setTooltip(problem == null ? null : Fx.tip(problem));
        }
    }
}
