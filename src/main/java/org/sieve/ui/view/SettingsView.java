package org.sieve.ui.view;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.tf.ComputeDevice;
import org.sieve.ui.model.AppModel;

/** The metric's settings in a property sheet, each with a one-line explanation (shown as its tooltip). */
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
        return List.of(
                item("Tau", "Allowed distortion: how much the layer's features may change under the noise,"
                        + " relative to tiny noise (D/D0). Larger tau allows more noise: higher entropies."
                        + " The paper uses 1.5.", Double.class, DiscardingSettings::tau,
                        (s, v) -> s.toBuilder().tau((Double) v).build()),
                item("Sigma0", "The tiny uniform noise that defines the normaliser D0, in pixel units"
                        + " (intensities 0 to 1). The paper uses 0.01.", Double.class, DiscardingSettings::sigma0,
                        (s, v) -> s.toBuilder().sigma0((Double) v).build()),
                item("Sigma grid", "Noise cells, rows x columns: 'auto' (the model's recommendation; one cell per"
                        + " pixel up to 32x32, else 16x16) or e.g. 14x14.", String.class, SettingsView::grid,
                        SettingsView::withGrid),
                item("Noise draws", "Noise samples per optimisation step. More draws: smoother optimisation,"
                        + " slower steps.", Integer.class, DiscardingSettings::draws,
                        (s, v) -> s.toBuilder().draws((Integer) v).build()),
                item("Steps", "Optimisation steps at most; the run ends earlier once every layer has"
                        + " converged.", Integer.class, DiscardingSettings::maxSteps,
                        (s, v) -> s.toBuilder().maxSteps((Integer) v).build()),
                item("Seed", "Seed of every noise draw: the same seed on the same device gives the same result.",
                        Long.class, DiscardingSettings::seed, (s, v) -> s.toBuilder().seed((Long) v).build()),
                item("Device", "Where TensorFlow computes: the CPU, or an NVIDIA GPU with Sieve's GPU build.",
                        ComputeDevice.class, DiscardingSettings::device,
                        (s, v) -> s.toBuilder().device((ComputeDevice) v).build()));
    }

    static String grid(DiscardingSettings s) {
        return s.gridHeight() == 0 || s.gridWidth() == 0 ? "auto" : s.gridHeight() + "x" + s.gridWidth();
    }

    static DiscardingSettings withGrid(DiscardingSettings s, Object value) {
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.equals("auto")) {
            return s.toBuilder().grid(0, 0).build();
        }
        String[] parts = text.split("[x×*, ]+");
        if (parts.length == 2) {
            try {
                int rows = Integer.parseInt(parts[0]);
                int cols = Integer.parseInt(parts[1]);
                if (rows >= 1 && cols >= 1) {
                    return s.toBuilder().grid(rows, cols).build();
                }
            } catch (NumberFormatException ignored) {
                // Falls through to the message.
            }
        }
        throw new IllegalArgumentException("The sigma grid must be 'auto' or ROWSxCOLUMNS with positive numbers,"
                + " e.g. 14x14; got '" + value + "'.");
    }

    private PropertySheet.Item item(String name, String description, Class<?> type,
                                    Function<DiscardingSettings, Object> get,
                                    BiFunction<DiscardingSettings, Object, DiscardingSettings> set) {
        return new PropertySheet.Item() {
            @Override
            public Class<?> getType() {
                return type;
            }

            @Override
            public String getCategory() {
                return "Metric";
            }

            @Override
            public String getName() {
                return name;
            }

            @Override
            public String getDescription() {
                return description;
            }

            @Override
            public Object getValue() {
                return get.apply(app.settings().get());
            }

            @Override
            public void setValue(Object value) {
                if (value == null || value.equals(getValue())) {
                    return;
                }
                editing = true;
                try {
                    app.settings().set(set.apply(app.settings().get(), convert(value)));
                    problem.setText("");
                } catch (IllegalArgumentException | ClassCastException e) {
                    // Shown beside the sheet, not as a notification: editors commit on every keystroke.
                    problem.setText(e.getMessage());
                } finally {
                    editing = false;
                }
            }

            private Object convert(Object value) {
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
