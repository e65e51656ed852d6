package org.sieve.ui.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.lesson.Layout;
import org.sieve.lesson.Lesson;
import org.sieve.lesson.LessonStep;
import org.sieve.lesson.PanelView;
import org.sieve.lesson.StepView;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.Setting;
import org.sieve.metrics.SettingsTable;
import org.sieve.network.format.ModelCatalogue;
import org.sieve.ui.model.AppModel;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.MaskSpec;
import org.sieve.ui.model.PanelState;

/**
 * The explorer's current view as a lesson step, naming models by their bundled id and files by
 * paths relative to Sieve's folder (or, once saved, to the lesson file) so the lesson works on
 * another computer with Sieve installed.
 */
final class ViewCapture {

    private final ModelCatalogue catalogue;
    private final Path home;

    ViewCapture(ModelCatalogue catalogue, Path home) {
        this.catalogue = catalogue;
        this.home = home;
    }

    /** @throws SieveException when the view cannot be written down (no model, a drawing, a painted foreground) */
    LessonStep step(AppModel app) {
        Layout layout = !app.compare().get() ? Layout.ONE_PANEL : switch (app.compareKind().get()) {
            case TWO_MODELS -> Layout.TWO_MODELS;
            case TWO_IMAGES -> Layout.TWO_IMAGES;
            case TWO_LAYER_SETS -> Layout.TWO_LAYER_SETS;
        };
        List<PanelView> panels = new ArrayList<>();
        for (PanelState p : app.panels()) {
            panels.add(panel(p));
        }
        // Only what the settings table holds is written to a lesson, so the step plays as it reads back.
        DiscardingSettings settings = DiscardingSettings.defaults();
        for (Setting<?> s : SettingsTable.ALL) {
            settings = s.with(settings, s.get().apply(app.settings().get()));
        }
        PanelState a = app.panelA();
        String title = a.model().get().name() + " on " + a.image().get().name();
        return new LessonStep(title, "", new StepView(layout, panels, settings, app.mapStyle()));
    }

    private PanelView panel(PanelState p) {
        LoadedModel model = p.model().get();
        if (model == null || p.image().get() == null) {
            throw new SieveException("Panel " + p.id() + " has no model or image yet; choose both first.");
        }
        if (p.image().get().file() == null) {
            throw new SieveException("Panel " + p.id() + " shows a drawn or pasted image, which is not a file; save it"
                    + " as a PNG and open that file, then add the view.");
        }
        if (p.selectedLayers().isEmpty()) {
            throw new SieveException("Panel " + p.id() + " has no layer chosen; choose at least one.");
        }
        MaskSpec spec = p.maskSpec().get();
        String mask = spec instanceof MaskSpec.Auto ? PanelView.AUTO_MASK
                : spec instanceof MaskSpec.Rectangle r ? r.spec()
                : spec instanceof MaskSpec.Brush ? null : PanelView.NO_MASK;
        if (mask == null) {
            throw new SieveException("Panel " + p.id() + " has a painted foreground, which a lesson cannot hold; use"
                    + " the automatic foreground or a rectangle.");
        }
        Path dir = model.model().dir();
        if (dir == null) {
            throw new SieveException("Panel " + p.id() + " shows a model that is not in a file; save it as a model"
                    + " folder (sieve import) and open that.");
        }
        String modelRef = catalogue.folderOf(model.id()) != null && catalogue.folderOf(model.id()).equals(dir)
                ? model.id() : reference(dir, home);
        return new PanelView(modelRef, reference(p.image().get().file(), home), p.region().get(),
                p.resizeMode().get(), model.inNetworkOrder(p.selectedLayers()), mask);
    }

    /**
     * The lesson with its paths as seen from {@code file}'s folder: files inside it become relative
     * to it; files in Sieve's folder stay relative to that (found there when not beside the lesson).
     */
    Lesson relativeTo(Lesson lesson, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        List<LessonStep> steps = new ArrayList<>();
        for (LessonStep s : lesson.steps()) {
            List<PanelView> panels = new ArrayList<>();
            for (PanelView p : s.view().panels()) {
                String model = catalogue.folderOf(p.model()) != null ? p.model() : moved(p.model(), folder);
                panels.add(new PanelView(model, moved(p.image(), folder), p.region(), p.fit(), p.layers(), p.mask()));
            }
            StepView v = s.view();
            steps.add(new LessonStep(s.title(), s.caption(), new StepView(v.layout(), panels, v.settings(), v.style())));
        }
        return lesson.withSteps(steps);
    }

    /** An absolute path inside {@code folder}, made relative to it; anything else as it was. */
    private static String moved(String ref, Path folder) {
        Path p = Path.of(ref);
        return p.isAbsolute() && p.normalize().startsWith(folder.normalize())
                ? folder.normalize().relativize(p.normalize()).toString().replace('\\', '/') : ref;
    }

    private static String reference(Path file, Path home) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = home.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }
}
