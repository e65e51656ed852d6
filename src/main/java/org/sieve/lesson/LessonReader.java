package org.sieve.lesson;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sieve.SieveException;
import org.sieve.image.ForegroundChoice;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;
import org.sieve.io.AtomicFiles;
import org.sieve.io.BoundedFiles;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.Setting;
import org.sieve.metrics.SettingsTable;
import org.sieve.render.ColourMap;
import org.sieve.report.ColourRange;
import org.sieve.report.MapStyle;

/**
 * Reads a lesson file. Every problem is refused with one message naming the file, the step (by
 * number and title) and the field, and saying what the field should hold, so a hand-edited file
 * is mended from the message alone. Nothing is looked up here (models, images): see
 * {@link StepRequests} for that.
 */
public final class LessonReader {

    /**
     * Whether a file given to the explorer is a lesson rather than a model's {@code model.json}: a
     * regular {@code .json} file within a lesson's size that names the lesson format.
     */
    public static boolean isLesson(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            return new String(BoundedFiles.read(file, MAX_BYTES), StandardCharsets.UTF_8).contains("\"sieveLesson\"");
        } catch (IOException | SieveException e) {
            return false;
        }
    }

    /** Far more than a lesson of a hundred steps with long captions; anything bigger is not a lesson. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private static final String TOP_FIELDS = "sieveLesson, title, steps";
    private static final String STEP_FIELDS = "title, caption, view";
    private static final String VIEW_FIELDS = "layout, panels, settings, colourMap, opacity, colourRange";
    private static final String PANEL_FIELDS = "model, image, region, fit, layers, mask";

    private LessonReader() {
    }

    public static Lesson read(Path file) {
        String text;
        try {
            text = new String(BoundedFiles.read(file, MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LessonFileException("Cannot read the lesson file " + file + ": " + AtomicFiles.reason(e)
                    + ".", e);
        }
        return parse(text, file.getFileName().toString());
    }

    /** @param name the file's name, for messages */
    public static Lesson parse(String text, String name) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new LessonFileException(name + " is not valid JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); check commas, quotes and brackets near that place.", e);
        }
        JsonFields top = JsonFields.of(root, name, "");
        if (!top.has("sieveLesson")) {
            throw top.problem("sieveLesson", "is missing: a lesson file starts with \"sieveLesson\": " + Lesson.FORMAT
                    + ". Is " + name + " a lesson file?");
        }
        int format = top.whole("sieveLesson");
        if (format != Lesson.FORMAT) {
            throw top.problem("sieveLesson", "is " + format + ", but this Sieve reads lesson files of format "
                    + Lesson.FORMAT + "; " + (format > Lesson.FORMAT ? "update Sieve." : "write " + Lesson.FORMAT
                    + "."));
        }
        String title = nonBlank(top, "title");
        List<LessonStep> steps = new ArrayList<>();
        JsonElement list = top.element("steps");
        if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
            throw top.problem("steps", "must be a list of at least one step [{\"title\": ..., \"caption\": ...,"
                    + " \"view\": {...}}].");
        }
        top.noOthers(TOP_FIELDS);
        for (int i = 0; i < list.getAsJsonArray().size(); i++) {
            steps.add(step(list.getAsJsonArray().get(i), name, i + 1));
        }
        return new Lesson(title, steps);
    }

    private static LessonStep step(JsonElement element, String file, int number) {
        String where = file + ", step " + number;
        JsonFields step = JsonFields.of(element, where, "");
        if (step.has("title") && step.element("title").isJsonPrimitive()
                && !step.element("title").getAsString().isBlank()) {
            where += " (\"" + step.element("title").getAsString() + "\")";
            step = JsonFields.of(element, where, "");
        }
        String title = nonBlank(step, "title");
        String caption = step.text("caption", "");
        StepView view = view(step.object("view"));
        step.noOthers(STEP_FIELDS);
        return new LessonStep(title, caption, view);
    }

    private static StepView view(JsonFields view) {
        List<PanelView> panels = view.objects("panels", LessonReader::panel);
        Layout layout;
        try {
            layout = view.has("layout") ? Layout.parse(view.text("layout"))
                    : panels.size() == 1 ? Layout.ONE_PANEL : null;
        } catch (IllegalArgumentException e) {
            throw view.problem("layout", e.getMessage() + ".");
        }
        if (layout == null) {
            throw view.problem("layout", "is missing: two panels are compared as two-models, two-images or"
                    + " two-layer-sets.");
        }
        if (panels.size() != layout.panels()) {
            throw view.problem("panels", "holds " + panels.size() + " panel(s), but the layout " + layout.id()
                    + " has " + layout.panels() + ".");
        }
        String shared = shared(layout, panels);
        if (shared != null) {
            throw view.problem("panels", "must share " + shared + " in the layout " + layout.id() + ".");
        }
        DiscardingSettings settings = view.has("settings") ? settings(view.object("settings"))
                : DiscardingSettings.defaults();
        MapStyle style = style(view);
        view.noOthers(VIEW_FIELDS);
        return new StepView(layout, panels, settings, style);
    }

    /** What the layout says the two panels share and they do not; null when they do. */
    private static String shared(Layout layout, List<PanelView> p) {
        if (p.size() < 2) {
            return null;
        }
        PanelView a = p.get(0);
        PanelView b = p.get(1);
        boolean sameImage = a.image().equals(b.image()) && Objects.equals(a.region(), b.region())
                && a.fit() == b.fit() && a.mask().equals(b.mask());
        boolean sameModel = a.model().equals(b.model());
        return switch (layout) {
            case ONE_PANEL -> null;
            case TWO_MODELS -> sameImage ? null : "the image, region, fit and mask";
            case TWO_IMAGES -> sameModel && a.layers().equals(b.layers()) ? null : "the model and the layers";
            case TWO_LAYER_SETS -> sameModel && sameImage ? null : "the model, image, region, fit and mask";
        };
    }

    private static PanelView panel(JsonFields panel) {
        String model = nonBlank(panel, "model");
        String image = nonBlank(panel, "image");
        RequestedRegion region = null;
        if (panel.has("region")) {
            try {
                region = RequestedRegion.parse(panel.text("region"));
            } catch (SieveException e) {
                throw panel.problem("region", "must be \"x,y,w,h\" in source pixels, e.g. \"150,20,180,180\".");
            }
        }
        ResizeMode fit = ResizeMode.STRETCH;
        if (panel.has("fit")) {
            String text = panel.text("fit");
            fit = Arrays.stream(ResizeMode.values()).filter(m -> m.label().equals(text)).findFirst()
                    .orElseThrow(() -> panel.problem("fit", "is \"" + text + "\"; use stretch or centre-crop."));
        }
        List<String> layers = panel.texts("layers");
        if (layers.isEmpty()) {
            throw panel.problem("layers", "is empty; name at least one layer (sieve layers --model " + model
                    + " lists them).");
        }
        String mask = panel.text("mask", PanelView.NO_MASK);
        if (!mask.equals(PanelView.NO_MASK) && !mask.equals(PanelView.AUTO_MASK)) {
            try {
                new ForegroundChoice.Rectangle(mask);
            } catch (SieveException e) {
                throw panel.problem("mask", "is \"" + mask + "\"; use none, auto or a rectangle \"x,y,w,h\" in source"
                        + " pixels.");
            }
        }
        panel.noOthers(PANEL_FIELDS);
        return new PanelView(model, image, region, fit, layers, mask);
    }

    /** Each setting by its command-line name; what is left out keeps its default. */
    private static DiscardingSettings settings(JsonFields fields) {
        DiscardingSettings out = DiscardingSettings.defaults();
        for (String name : fields.names()) {
            Setting<?> setting = SettingsTable.ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> fields.problem(name, "is not a setting; the settings are " + SettingsTable.ALL
                            .stream().map(Setting::name).collect(Collectors.joining(", ")) + "."));
            String text = fields.scalar(name);
            try {
                out = setting.with(out, setting.parse(text));
            } catch (RuntimeException e) {
                throw fields.problem(name, "is \"" + text + "\": " + e.getMessage());
            }
            String problem = setting.problem(out);
            if (problem != null) {
                throw fields.problem(name, "is " + text + ": " + problem + ".");
            }
        }
        return out;
    }

    private static MapStyle style(JsonFields view) {
        ColourMap map = ColourMap.VIRIDIS;
        if (view.has("colourMap")) {
            String text = view.text("colourMap");
            map = Arrays.stream(ColourMap.values()).filter(m -> m.name().toLowerCase(Locale.ROOT).equals(text))
                    .findFirst().orElseThrow(() -> view.problem("colourMap", "is \"" + text + "\"; use one of "
                            + Arrays.stream(ColourMap.values()).map(m -> m.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")) + "."));
        }
        ColourRange range = ColourRange.DEFAULT;
        if (view.has("colourRange")) {
            String text = view.text("colourRange");
            try {
                range = ColourRange.parse(text);
            } catch (IllegalArgumentException e) {
                throw view.problem("colourRange", "is \"" + text + "\": " + e.getMessage());
            }
        }
        double opacity = MapStyle.DEFAULT_OPACITY;
        if (view.has("opacity")) {
            String text = view.scalar("opacity");
            try {
                opacity = Double.parseDouble(text);
                return new MapStyle(map, opacity, range);
            } catch (IllegalArgumentException e) {
                throw view.problem("opacity", "is " + text + "; give a number from 0 to 1.");
            }
        }
        return new MapStyle(map, opacity, range);
    }

    private static String nonBlank(JsonFields fields, String field) {
        String text = fields.text(field);
        if (text.isBlank()) {
            throw fields.problem(field, "is empty; write a few words.");
        }
        return text.strip();
    }
}
