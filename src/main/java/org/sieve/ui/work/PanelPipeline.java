package org.sieve.ui.work;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Map;
import java.util.function.Consumer;
import org.sieve.analysis.ImageFit;
import org.sieve.image.ForegroundMask;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;
import org.sieve.model.ModelMetadata;
import org.sieve.network.NetworkShapes;
import org.sieve.tf.TensorFlowRuntime;
import org.sieve.ui.model.ImageSource;
import org.sieve.ui.model.LayerInfo;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.MaskSpec;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.model.Prediction;
import org.sieve.ui.model.UserMessage;

/**
 * Derives what follows from a panel's choices, in the background: the layers' output shapes
 * from the model, the model's input from the image, the foreground mask, the predictions. A
 * result that arrives after the choice changed again is dropped.
 */
public final class PanelPipeline {

    private final PanelState panel;
    private final Background background;
    private final Predictor predictor;
    private final Consumer<UserMessage> tell;

    public PanelPipeline(PanelState panel, Background background, Predictor predictor, Consumer<UserMessage> tell) {
        this.panel = panel;
        this.background = background;
        this.predictor = predictor;
        this.tell = tell;
        panel.model().addListener((obs, was, now) -> modelChanged(now));
        panel.selectedLayers().addListener((javafx.collections.ListChangeListener<String>) change -> {
            LoadedModel model = panel.model().get();
            if (model != null) {
                panel.layersByModel().put(model.id(), List.copyOf(panel.selectedLayers()));
            }
        });
        panel.image().addListener((obs, was, now) -> {
            panel.region().set(null); // a region belongs to the image it was drawn on
            prepare();
        });
        panel.region().addListener((obs, was, now) -> prepare());
        panel.resizeMode().addListener((obs, was, now) -> prepare());
        panel.maskSpec().addListener((obs, was, now) -> {
            deriveMask();
            updateFitNote();
        });
        panel.prepared().addListener((obs, was, now) -> {
            deriveMask();
            predict();
            updateFitNote();
        });
    }

    private void modelChanged(LoadedModel model) {
        panel.result().set(null);
        panel.layerShapes().set(Map.of());
        if (model == null) {
            return;
        }
        List<String> kept = model.inNetworkOrder(panel.layersByModel().getOrDefault(model.id(), List.of()));
        List<String> pick = kept.isEmpty() ? LayerInfo.firstChoice(model.layers()) : kept;
        if (!pick.equals(panel.selectedLayers())) {
            panel.selectedLayers().setAll(pick);
        }
        background.run(() -> {
            TensorFlowRuntime.get();
            return NetworkShapes.of(model.model().network());
        }, shapes -> {
            if (panel.model().get() == model) {
                panel.layerShapes().set(shapes);
            }
        });
        prepare();
    }

    private void prepare() {
        LoadedModel model = panel.model().get();
        ImageSource image = panel.image().get();
        ResizeMode mode = panel.resizeMode().get();
        RequestedRegion region = panel.region().get();
        panel.result().set(null);
        panel.ready().set(null);
        if (model == null || image == null) {
            panel.prepared().set(null);
            return;
        }
        panel.loading().set(true);
        background.run(() -> load(image, model.metadata(), mode, region), prepared -> {
            if (panel.model().get() == model && panel.image().get() == image && panel.resizeMode().get() == mode
                    && panel.region().get() == region) {
                panel.loading().set(false);
                panel.prepared().set(prepared);
            }
        }, failure -> {
            panel.loading().set(false);
            tell.accept(Errors.message("Cannot use the image " + image.name(), failure));
        });
    }

    static PreparedImage load(ImageSource image, ModelMetadata m, ResizeMode mode, RequestedRegion region) {
        if (image.file() != null) {
            return ImageLoader.load(image.file(), m.input(), mode, region);
        }
        return ImageLoader.fromBufferedImage(image.pixels(), image.name(), m.input(), mode, region);
    }

    /** A photo on a digit model, or auto foreground on a photo: said under the predictions (cheap, on the FX thread). */
    private void updateFitNote() {
        PreparedImage prepared = panel.prepared().get();
        LoadedModel model = panel.model().get();
        if (prepared == null || model == null) {
            panel.fitNote().set("");
            return;
        }
        String auto = panel.maskSpec().get() instanceof MaskSpec.Auto && ForegroundMask.autoDoesNotApply(prepared) != null
                ? "The automatic foreground finds digit strokes on a plain background, and " + image(prepared)
                        + " has none. For a photo, choose Rectangle under Foreground and drag a box around the object."
                : null;
        panel.fitNote().set(Stream.of(ImageFit.warning(model.metadata(), prepared), auto).filter(Objects::nonNull)
                .collect(Collectors.joining(" ")));
    }

    private static String image(PreparedImage prepared) {
        return java.nio.file.Path.of(prepared.source()).getFileName().toString();
    }

    private void deriveMask() {
        PreparedImage prepared = panel.prepared().get();
        MaskSpec spec = panel.maskSpec().get();
        panel.ready().set(null);
        if (prepared == null || spec == null || spec instanceof MaskSpec.None) {
            panel.mask().set(null);
            panel.ready().set(prepared);
            return;
        }
        background.run(() -> Foregrounds.derive(spec, prepared), mask -> {
            if (current(prepared, spec)) {
                panel.mask().set(mask);
                panel.ready().set(prepared);
            }
        }, failure -> {
            if (current(prepared, spec)) {
                panel.mask().set((ForegroundMask) null);
                panel.ready().set(prepared);
                tell.accept(Errors.message("No foreground", failure));
            }
        });
    }

    /** Whether a foreground derived for this image and spec is still wanted (no new image on its way). */
    private boolean current(PreparedImage prepared, MaskSpec spec) {
        return panel.prepared().get() == prepared && panel.maskSpec().get() == spec && !panel.loading().get();
    }

    private void predict() {
        PreparedImage prepared = panel.prepared().get();
        LoadedModel model = panel.model().get();
        panel.predictions().clear();
        if (prepared == null || model == null || !model.metadata().kind().predicts()) {
            return;
        }
        background.run(() -> predictor.top(model.model(), prepared), (List<Prediction> top) -> {
            if (panel.prepared().get() == prepared) {
                panel.predictions().setAll(top);
            }
        }, failure -> tell.accept(Errors.message("Cannot predict with " + model.name(), failure)));
    }
}
