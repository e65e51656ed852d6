package org.sieve.ui.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.sieve.image.ImageLoader;
import org.sieve.image.PreparedImage;
import org.sieve.lesson.Layout;
import org.sieve.lesson.PanelView;
import org.sieve.lesson.StepRequests;
import org.sieve.lesson.StepView;
import org.sieve.ui.Actions;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.CompareKind;
import org.sieve.ui.model.ImageSource;
import org.sieve.ui.model.LayerPick;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.MaskSpec;
import org.sieve.ui.model.PanelState;
import org.sieve.ui.work.Errors;

/**
 * Puts a step's view on screen: compare mode and layout, each panel's model, image, region, fit,
 * layers and foreground, the settings and colours; then analyses once the panels are ready, which
 * the result cache answers at once for a prepared step. Models and images are read in the
 * background (a model already on screen is kept); a step left before it is ready is dropped.
 */
final class StepStaging {

    private final Actions actions;
    private long shown;

    StepStaging(Actions actions) {
        this.actions = actions;
    }

    /** What a panel needs, read off the FX thread. */
    private record Loaded(PanelView view, LoadedModel model, ImageSource image) {
    }

    void show(StepView view, StepRequests requests, Runnable failed) {
        long token = ++shown;
        AppModel app = actions.app();
        List<LoadedModel> onScreen = List.of(app.panelA(), app.panelB()).stream().map(p -> p.model().get())
                .filter(Objects::nonNull).toList();
        List<ImageSource> imagesOnScreen = List.of(app.panelA(), app.panelB()).stream().map(p -> p.image().get())
                .filter(Objects::nonNull).toList();
        actions.background().run(() -> {
            List<Loaded> out = new ArrayList<>();
            for (PanelView p : view.panels()) {
                var model = requests.model(p.model());
                LoadedModel loaded = onScreen.stream().filter(m -> m.model().sha256().equals(model.sha256())
                        && Objects.equals(m.model().dir(), model.dir())).findFirst().orElseGet(() -> LoadedModel.of(model));
                Path file = requests.image(p.image());
                ImageSource image = imagesOnScreen.stream().filter(i -> file.equals(i.file())).findFirst()
                        .orElseGet(() -> ImageSource.ofFile(file, ImageLoader.picture(file)));
                out.add(new Loaded(p, loaded, image));
            }
            return out;
        }, loaded -> {
            if (token == shown) {
                apply(view, loaded, token);
            }
        }, failure -> {
            app.tell(Errors.message("Cannot show this step", failure));
            failed.run();
        });
    }

    /** Leaves whatever step was being made ready. */
    void drop() {
        shown++;
    }

    private void apply(StepView view, List<Loaded> loaded, long token) {
        AppModel app = actions.app();
        app.settings().set(view.settings());
        app.colourMap().set(view.style().colourMap());
        app.opacity().set(view.style().opacity());
        app.colourRange().set(view.style().range());
        boolean two = view.layout() != Layout.ONE_PANEL;
        if (two) {
            CompareKind kind = switch (view.layout()) {
                case TWO_IMAGES -> CompareKind.TWO_IMAGES;
                case TWO_LAYER_SETS -> CompareKind.TWO_LAYER_SETS;
                default -> CompareKind.TWO_MODELS;
            };
            // Set while compare mode is off, so that nothing picks a second model or image of its own.
            if (app.compare().get() && app.compareKind().get() != kind) {
                app.compare().set(false);
            }
            app.compareKind().set(kind);
        }
        app.compare().set(two);
        app.active().set(app.panelA());
        List<PanelState> panels = two ? List.of(app.panelA(), app.panelB()) : List.of(app.panelA());
        for (int i = 0; i < panels.size(); i++) {
            stage(panels.get(i), loaded.get(i));
        }
        analyseWhenReady(panels, token);
    }

    private static void stage(PanelState panel, Loaded l) {
        PanelView v = l.view();
        panel.layerPick().set(LayerPick.CHOSEN);
        if (panel.model().get() != l.model()) {
            panel.model().set(l.model());
        }
        panel.selectedLayers().setAll(v.layers());
        panel.resizeMode().set(v.fit());
        MaskSpec mask = switch (v.mask()) {
            case PanelView.NO_MASK -> MaskSpec.NONE;
            case PanelView.AUTO_MASK -> MaskSpec.AUTO;
            default -> rectangle(v.mask());
        };
        if (!mask.equals(panel.maskSpec().get())) {
            panel.maskSpec().set(mask);
        }
        if (panel.image().get() != l.image()) {
            panel.image().set(l.image());
        }
        if (!Objects.equals(panel.region().get(), v.region())) {
            panel.region().set(v.region());
        }
    }

    private static MaskSpec rectangle(String spec) {
        String[] v = spec.split(",");
        return new MaskSpec.Rectangle(Integer.parseInt(v[0].strip()), Integer.parseInt(v[1].strip()),
                Integer.parseInt(v[2].strip()), Integer.parseInt(v[3].strip()));
    }

    /** Analyses once every panel's input and foreground are made (at once when nothing changed). */
    private void analyseWhenReady(List<PanelState> panels, long token) {
        if (panels.stream().allMatch(p -> p.ready().get() != null && p.model().get() != null)) {
            actions.analyzeNow();
            return;
        }
        for (PanelState p : panels) {
            p.ready().addListener(new ChangeListener<PreparedImage>() {
                @Override
                public void changed(ObservableValue<? extends PreparedImage> o, PreparedImage was, PreparedImage now) {
                    if (token != shown) {
                        p.ready().removeListener(this);
                    } else if (now != null) {
                        p.ready().removeListener(this);
                        // After the change's other listeners: a new input discards the panel's run,
                        // which must not be the one started here.
                        Platform.runLater(() -> {
                            if (token == shown && panels.stream().allMatch(q -> q.ready().get() != null)) {
                                actions.analyzeNow();
                            }
                        });
                    }
                }
            });
        }
    }
}
