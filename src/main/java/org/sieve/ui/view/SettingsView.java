package org.sieve.ui.view;

import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.sieve.SieveException;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.Setting;
import org.sieve.metrics.SettingsTable;
import org.sieve.ui.model.AppModel;

/**
 * The analysis settings of {@link SettingsTable} in a property sheet, each with its explanation,
 * default and allowed range (shown as its tooltip).
 */
public final class SettingsView extends VBox {

    private final AppModel app;
    private final PropertySheet sheet = new PropertySheet();
    private final javafx.scene.control.Label problem = new javafx.scene.control.Label();
    private boolean editing;

    public SettingsView(AppModel app) {
        this.app = app;
        setSpacing(4);
        sheet.setId("settings-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.getItems().setAll(items());
        app.settings().addListener((o, was, now) -> {
            if (!editing && !now.equals(was)) {
                sheet.getItems().setAll(items());
            }
        });
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.setId("settings-problem");
        getChildren().addAll(sheet, problem, Fx.hint("Settings apply to the next analysis. Hover a name for what it means."));
    }

    private List<PropertySheet.Item> items() {
        // The metric has its own choice beside Analyze.
        return SettingsTable.ALL.stream().filter(s -> s != SettingsTable.METRIC).map(this::item).toList();
    }

    /** Numbers and choices get the sheet's own editors; other values (the grid) are edited as their text. */
    private PropertySheet.Item item(Setting<?> setting) {
        boolean asText = !Number.class.isAssignableFrom(setting.type()) && !setting.type().isEnum();
        return new PropertySheet.Item() {
            @Override
            public Class<?> getType() {
                return asText ? String.class : setting.type();
            }

            @Override
            public String getCategory() {
                return "Metric";
            }

            @Override
            public String getName() {
                return setting.title();
            }

            @Override
            public String getDescription() {
                return setting.explanation() + " Default " + setting.textOf(DiscardingSettings.defaults())
                        + "; allowed: " + setting.values().range() + ".";
            }

            @Override
            public Object getValue() {
                DiscardingSettings s = app.settings().get();
                return asText ? setting.textOf(s) : setting.get().apply(s);
            }

            @Override
            public void setValue(Object value) {
                if (value == null || value.equals(getValue())) {
                    return;
                }
                editing = true;
                try {
                    DiscardingSettings next = setting.with(app.settings().get(),
                            asText ? setting.parse(String.valueOf(value)) : convert(value));
                    String outside = setting.problem(next);
                    if (outside == null) {
                        app.settings().set(next);
                        problem.setText("");
                    } else {
                        problem.setText("Not applied: " + outside + ".");
                    }
                } catch (IllegalArgumentException | ClassCastException | SieveException e) {
                    // Shown beside the sheet, not as a notification: editors commit on every keystroke.
                    problem.setText(e.getMessage());
                } finally {
                    editing = false;
                }
            }

            private Object convert(Object value) {
                Class<?> type = setting.type();
                if (type == Integer.class && value instanceof Number n) {
                    return n.intValue();
                }
                if (type == Long.class && value instanceof Number n) {
                    return n.longValue();
                }
                if (type == Double.class && value instanceof Number n) {
                    return n.doubleValue();
                }
                return value;
            }

            @Override
            public Optional<ObservableValue<?>> getObservableValue() {
                return Optional.empty();
            }
        };
    }
}
