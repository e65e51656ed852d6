package org.sieve.ui.model;

import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.sieve.image.ForegroundMask;
import org.sieve.image.RequestedRegion;
import org.sieve.image.PreparedImage;
import org.sieve.image.ResizeMode;
import org.sieve.service.JobResult;

/**
 * One analysis panel: what the user chose (model, image, layers, foreground) and what follows
 * from it (the model's input, predictions, the run and its result). The explorer has one; compare
 * mode adds a second. Changed only on the FX thread.
 */
public final class PanelState {

    private final String id;
    private final ObjectProperty<LoadedModel> model = new SimpleObjectProperty<>();
    private final ObjectProperty<Map<String, long[]>> layerShapes = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<ImageSource> image = new SimpleObjectProperty<>();
    private final ObjectProperty<ResizeMode> resizeMode = new SimpleObjectProperty<>(ResizeMode.STRETCH);
    private final ObservableList<String> selectedLayers = FXCollections.observableArrayList();
    private final ObservableMap<String, List<String>> layersByModel = FXCollections.observableHashMap();
    private final ObservableMap<InputKind, KindChoice> choiceByKind = FXCollections.observableHashMap();
    private final ObservableMap<String, ResizeMode> resizeByModel = FXCollections.observableHashMap();
    private final ObjectProperty<LayerPick> layerPick = new SimpleObjectProperty<>(LayerPick.CONVOLUTIONS);
    private final ObjectProperty<MaskSpec> maskSpec = new SimpleObjectProperty<>(MaskSpec.NONE);
    private final ObjectProperty<PreparedImage> prepared = new SimpleObjectProperty<>();
    private final ObjectProperty<ForegroundMask> mask = new SimpleObjectProperty<>();
    private final ObjectProperty<PreparedImage> ready = new SimpleObjectProperty<>();
    private final ObservableList<Prediction> predictions = FXCollections.observableArrayList();
    private final RunState run = new RunState();
    private final ObjectProperty<JobResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<JobResult> live = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final StringProperty outdated = new SimpleStringProperty("");
    private final StringProperty fitNote = new SimpleStringProperty("");
    private final ObjectProperty<RequestedRegion> region = new SimpleObjectProperty<>();
    private final ObjectProperty<RunEstimate> estimate = new SimpleObjectProperty<>();

    public PanelState(String id) {
        this.id = id;
    }

    /** "A" or "B". */
    public String id() {
        return id;
    }

    public ObjectProperty<LoadedModel> model() {
        return model;
    }

    /** Output shape per layer (without the batch axis); empty until TensorFlow has built the graph. */
    public ObjectProperty<Map<String, long[]>> layerShapes() {
        return layerShapes;
    }

    public ObjectProperty<ImageSource> image() {
        return image;
    }

    public ObjectProperty<ResizeMode> resizeMode() {
        return resizeMode;
    }

    /** Chosen layers; kept in network order by the layer picker. */
    public ObservableList<String> selectedLayers() {
        return selectedLayers;
    }

    /**
     * The layers last chosen on each model this panel showed, by model id: choosing a model again
     * brings its own choice back, and a model never chosen starts with {@link LayerInfo#firstChoice}.
     */
    public ObservableMap<String, List<String>> layersByModel() {
        return layersByModel;
    }

    /** The image, region and foreground last chosen for each kind of model but the one shown now. */
    public ObservableMap<InputKind, KindChoice> choiceByKind() {
        return choiceByKind;
    }

    /** The fitting (stretch or centre crop) chosen on each model, by model id. */
    public ObservableMap<String, ResizeMode> resizeByModel() {
        return resizeByModel;
    }

    public ObjectProperty<LayerPick> layerPick() {
        return layerPick;
    }

    public ObjectProperty<MaskSpec> maskSpec() {
        return maskSpec;
    }

    /** The model's input made from the image: channels converted, resized; null while loading. */
    public ObjectProperty<PreparedImage> prepared() {
        return prepared;
    }

    /** The foreground on the model's input, or null. */
    public ObjectProperty<ForegroundMask> mask() {
        return mask;
    }

    /**
     * The prepared image once its foreground is derived too (or none is wanted): what an analysis
     * can start on now; null while either is being made.
     */
    public ObjectProperty<PreparedImage> ready() {
        return ready;
    }

    /** The part of the image (source pixels) scaled to the model's input; null for all of it. */
    public ObjectProperty<RequestedRegion> region() {
        return region;
    }

    /** What analysing the chosen layers is expected to take; null while it is being worked out or nothing is chosen. */
    public ObjectProperty<RunEstimate> estimate() {
        return estimate;
    }

    /** What about the image does not suit the model or the automatic foreground; empty when all is well. */
    public StringProperty fitNote() {
        return fitNote;
    }

    /** The model's top classes for the current image, most probable first. */
    public ObservableList<Prediction> predictions() {
        return predictions;
    }

    public RunState run() {
        return run;
    }

    /** The last finished analysis of this panel, or null. */
    public ObjectProperty<JobResult> result() {
        return result;
    }

    /** Live mode's latest approximate frame while the pen moves, or null: shown instead of the result. */
    public ObjectProperty<JobResult> live() {
        return live;
    }

    /**
     * What the result no longer matches since it was computed (e.g. "layers, metric"), so the
     * views mark it as outdated; empty while it matches or there is none.
     */
    public StringProperty outdated() {
        return outdated;
    }

    /** True while the model or image is being read. */
    public BooleanProperty loading() {
        return loading;
    }

    /** One line for titles: model and image. */
    public String caption() {
        String m = model.get() == null ? "no model" : model.get().name();
        String i = image.get() == null ? "no image" : image.get().name();
        return m + " · " + i;
    }
}
