package org.sieve.ui.model;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.render.ColourMap;
import org.sieve.report.ColourRange;
import org.sieve.report.MapStyle;
import org.sieve.report.SheetSize;

/**
 * The explorer's whole state, observable: the views bind to it and the actions change it. One
 * instance per window; touched only on the FX thread.
 */
public final class AppModel {

    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final ObservableList<Path> sampleImages = FXCollections.observableArrayList();
    private final ObservableList<TechniqueComparison> techniques = FXCollections.observableArrayList();
    private final PanelState a = new PanelState("A");
    private final PanelState b = new PanelState("B");
    private final ObjectProperty<PanelState> active = new SimpleObjectProperty<>(a);
    private final BooleanProperty compare = new SimpleBooleanProperty(false);
    private final ObjectProperty<CompareKind> compareKind = new SimpleObjectProperty<>(CompareKind.TWO_MODELS);
    private final ObjectProperty<DiscardingSettings> settings =
            new SimpleObjectProperty<>(DiscardingSettings.defaults());
    private final ObjectProperty<ColourMap> colourMap = new SimpleObjectProperty<>(ColourMap.VIRIDIS);
    private final DoubleProperty opacity = new SimpleDoubleProperty(MapStyle.DEFAULT_OPACITY);
    private final ObjectProperty<ColourRange> colourRange = new SimpleObjectProperty<>(ColourRange.DEFAULT);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty presentation = new SimpleBooleanProperty(false);
    private final BooleanProperty liveMaps = new SimpleBooleanProperty(true);
    private final BooleanProperty controlsShown = new SimpleBooleanProperty(true);
    private final ObjectProperty<Path> lastFolder = new SimpleObjectProperty<>();
    /** Answers for model files without sieve.json, by absolute path. */
    private final java.util.Map<String, FileModelSettings> fileModels = new java.util.LinkedHashMap<>();
    private final ObjectProperty<SheetSize> sheetSize = new SimpleObjectProperty<>(SheetSize.FULL_HD);
    private final ObjectProperty<MaskTool> maskTool = new SimpleObjectProperty<>(MaskTool.NONE);
    private final ObservableList<UserMessage> messages = FXCollections.observableArrayList();
    private final javafx.collections.ObservableMap<String, StepRecord> stepRecords =
            FXCollections.observableHashMap();
    private final CompareSync sync = new CompareSync(a, b);

    public AppModel() {
        presentation.addListener((obs, was, on) -> controlsShown.set(!on));
        compare.addListener((obs, was, on) -> {
            sync.apply(on ? compareKind.get() : null);
            if (!on) {
                active.set(a);
            }
        });
        compareKind.addListener((obs, was, kind) -> {
            if (compare.get()) {
                sync.apply(kind);
            }
        });
    }

    /** Bundled models, then models the user opened. */
    public ObservableList<ModelEntry> models() {
        return models;
    }

    /** The bundled variants and their baselines, for the Techniques menu. */
    public ObservableList<TechniqueComparison> techniques() {
        return techniques;
    }

    /** The gallery's images. */
    public ObservableList<Path> sampleImages() {
        return sampleImages;
    }

    public PanelState panelA() {
        return a;
    }

    public PanelState panelB() {
        return b;
    }

    /** The panels on screen: A, and B in compare mode. */
    public List<PanelState> panels() {
        return compare.get() ? List.of(a, b) : List.of(a);
    }

    /** The panel the side bar edits. */
    public ObjectProperty<PanelState> active() {
        return active;
    }

    public BooleanProperty compare() {
        return compare;
    }

    public ObjectProperty<CompareKind> compareKind() {
        return compareKind;
    }

    /** Settings of the next analysis of every panel, the metric (1 or 2) among them. */
    public ObjectProperty<DiscardingSettings> settings() {
        return settings;
    }

    public ObjectProperty<ColourMap> colourMap() {
        return colourMap;
    }

    /** Weight of the heatmap colour over the image, 0 to 1. */
    public DoubleProperty opacity() {
        return opacity;
    }

    /** How the maps' colour range is chosen, on screen and on saved sheets. */
    public ObjectProperty<ColourRange> colourRange() {
        return colourRange;
    }

    /** Colour map, opacity and colour range as one value, for sheets. */
    public MapStyle mapStyle() {
        return new MapStyle(colourMap.get(), opacity.get(), colourRange.get());
    }

    public ObjectProperty<Theme> theme() {
        return theme;
    }

    /** Whether the maps follow the pen on the drawing pad and the crop box on a photo (live mode), refined when released. */
    public BooleanProperty liveMaps() {
        return liveMaps;
    }

    /** Large fonts and full screen, for lectures. */
    public BooleanProperty presentation() {
        return presentation;
    }

    /**
     * Whether the side bar and tool bars show; presentation mode hides them until the lecturer
     * brings them back (Ctrl+B or the overlay).
     */
    public BooleanProperty controlsShown() {
        return controlsShown;
    }

    /** The folder a file was last opened from or saved to, where the next dialog starts; null at first. */
    public java.util.Map<String, FileModelSettings> fileModels() {
        return fileModels;
    }

    public ObjectProperty<Path> lastFolder() {
        return lastFolder;
    }

    /** The size of the last sheet saved, offered for the next. */
    public ObjectProperty<SheetSize> sheetSize() {
        return sheetSize;
    }

    /** What dragging on an input image does. */
    public ObjectProperty<MaskTool> maskTool() {
        return maskTool;
    }

    /** What the last run of each model measured on this computer, by model id, for its next estimate. */
    public javafx.collections.ObservableMap<String, StepRecord> stepRecords() {
        return stepRecords;
    }

    /** Every message shown to the user, oldest first. */
    public ObservableList<UserMessage> messages() {
        return messages;
    }

    public void tell(UserMessage message) {
        messages.add(message);
    }
}
