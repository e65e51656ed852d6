package org.sieve.lesson;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Locale;
import org.sieve.io.AtomicFiles;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.Setting;
import org.sieve.metrics.SettingsTable;
import org.sieve.report.MapStyle;

/**
 * Writes a lesson file as {@link LessonReader} reads it, leaving out what is the default (settings,
 * colours, an absent region or mask) so that the file stays short enough to edit by hand.
 */
public final class LessonWriter {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private LessonWriter() {
    }

    /** Written beside the target and moved into place, so a failed save leaves the old file whole. */
    public static void write(Lesson lesson, Path file) {
        AtomicFiles.writeText(file, text(lesson));
    }

    public static String text(Lesson lesson) {
        JsonObject top = new JsonObject();
        top.addProperty("sieveLesson", Lesson.FORMAT);
        top.addProperty("title", lesson.title());
        JsonArray steps = new JsonArray();
        for (LessonStep s : lesson.steps()) {
            JsonObject step = new JsonObject();
            step.addProperty("title", s.title());
            step.addProperty("caption", s.caption());
            step.add("view", view(s.view()));
            steps.add(step);
        }
        top.add("steps", steps);
        return GSON.toJson(top) + "\n";
    }

    private static JsonObject view(StepView v) {
        JsonObject view = new JsonObject();
        view.addProperty("layout", v.layout().id());
        JsonArray panels = new JsonArray();
        for (PanelView p : v.panels()) {
            JsonObject panel = new JsonObject();
            panel.addProperty("model", p.model());
            panel.addProperty("image", p.image());
            if (p.region() != null) {
                panel.addProperty("region", p.region().text());
            }
            panel.addProperty("fit", p.fit().label());
            JsonArray layers = new JsonArray();
            p.layers().forEach(layers::add);
            panel.add("layers", layers);
            if (!p.mask().equals(PanelView.NO_MASK)) {
                panel.addProperty("mask", p.mask());
            }
            panels.add(panel);
        }
        view.add("panels", panels);
        JsonObject settings = new JsonObject();
        DiscardingSettings defaults = DiscardingSettings.defaults();
        for (Setting<?> s : SettingsTable.ALL) {
            if (!s.textOf(v.settings()).equals(s.textOf(defaults))) {
                settings.addProperty(s.name(), s.textOf(v.settings()));
            }
        }
        if (!settings.isEmpty()) {
            view.add("settings", settings);
        }
        MapStyle style = v.style();
        if (style.colourMap() != MapStyle.DEFAULT.colourMap()) {
            view.addProperty("colourMap", style.colourMap().name().toLowerCase(Locale.ROOT));
        }
        if (style.opacity() != MapStyle.DEFAULT.opacity()) {
            view.addProperty("opacity", style.opacity());
        }
        if (!style.range().equals(MapStyle.DEFAULT.range())) {
            view.addProperty("colourRange", style.range().id());
        }
        return view;
    }
}
