package org.sieve.ui;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sieve.image.RequestedRegion;
import org.sieve.io.AtomicFiles;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.Setting;
import org.sieve.metrics.SettingsTable;
import org.sieve.report.ColourRange;
import org.sieve.report.MapStyle;
import org.sieve.report.SheetSize;
import org.sieve.tf.ComputeDevice;
import org.sieve.ui.model.MaskSpec;

/**
 * What the explorer remembers between runs, as a small JSON file. Every field may be missing
 * (an older or hand-edited file); a damaged file is ignored rather than stopping the start.
 */
final class SavedState {

    // The window's place is NaN until known (never shown outside full screen): written as NaN, read back as it.
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();

    String modelId;
    String modelDir;
    String imagePath;
    List<String> layers;
    String resizeMode;
    String mask;
    int[] maskRectangle;
    double x = Double.NaN;
    double y = Double.NaN;
    double width = 1440;
    double height = 900;
    boolean maximized;
    String theme;
    String colourMap;
    double opacity = MapStyle.DEFAULT_OPACITY;
    /** As {@link ColourRange#parse} reads it. */
    String colourRange;
    /** As {@link SheetSize#parse} reads it. */
    String sheetSize;
    String lastFolder;
    /** A {@link org.sieve.ui.model.LayerPick} name: the kind of layer choice made on the model last shown. */
    String layerPick;
    /** The layers chosen on each model, by model id; older files have only {@link #layers}, of {@link #modelId}. */
    Map<String, List<String>> layersByModel;
    boolean compare;
    String compareKind;
    /** Panel A's region of its image, as {@link org.sieve.image.RequestedRegion#text()} writes it. */
    String region;
    /** Panel A's image, region and foreground for the other kinds of model, by {@link org.sieve.ui.model.InputKind} name. */
    Map<String, Input> inputsByKind;
    /** Panel A's fitting (stretch or centre crop) per model id. */
    Map<String, String> resizeByModel;
    /** Panel B of the comparison: its model, its input and its layers per model. */
    String panelBModelDir;
    Input panelBInput;
    Map<String, List<String>> panelBLayersByModel;
    List<String> recentModels = new ArrayList<>();
    /** Normalisation and labels the user gave for model files without sieve.json, by absolute path. */
    Map<String, org.sieve.ui.model.FileModelSettings> fileModels;
    /** What the last run of each model measured on this computer, by model id, for its next expected time. */
    Map<String, org.sieve.ui.model.StepRecord> stepRecords;
    /** Every setting of {@link SettingsTable} by its name, as text: "tau": "1.5", "grid": "auto". */
    Map<String, String> settings;

    /** An image file with its region and foreground; drawings and painted foregrounds are not kept. */
    static final class Input {
        String image;
        String region;
        String mask;
        int[] maskRectangle;

        /** The input, or null where it is not a file (a drawing, a pasted image) or there is none. */
        static Input of(org.sieve.ui.model.ImageSource image, RequestedRegion region, MaskSpec foreground) {
            if (image == null || image.file() == null) {
                return null;
            }
            Input in = new Input();
            in.image = image.file().toAbsolutePath().toString();
            in.region = region == null ? null : region.text();
            in.mask = maskName(foreground);
            in.maskRectangle = rectangle(foreground);
            return in;
        }

        /** The image file where it still exists, else null. */
        Path file() {
            return image != null && Files.isRegularFile(Path.of(image)) ? Path.of(image) : null;
        }

        RequestedRegion requestedRegion() {
            return regionOf(region);
        }

        MaskSpec foreground() {
            return maskOf(mask, maskRectangle);
        }
    }

    static String maskName(MaskSpec spec) {
        return spec instanceof MaskSpec.Auto ? "auto" : spec instanceof MaskSpec.Rectangle ? "rectangle" : "none";
    }

    static int[] rectangle(MaskSpec spec) {
        return spec instanceof MaskSpec.Rectangle r ? new int[] {r.x(), r.y(), r.width(), r.height()} : null;
    }

    /** A saved foreground; an unknown or damaged one is none. */
    static MaskSpec maskOf(String name, int[] r) {
        if ("auto".equals(name)) {
            return MaskSpec.AUTO;
        }
        if ("rectangle".equals(name) && r != null && r.length == 4) {
            return new MaskSpec.Rectangle(r[0], r[1], r[2], r[3]);
        }
        return MaskSpec.NONE;
    }

    /** A saved region, or null (the whole image) where none or a damaged one is saved. */
    static RequestedRegion regionOf(String text) {
        try {
            return text == null ? null : RequestedRegion.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Map<String, String> settingsOf(DiscardingSettings s) {
        Map<String, String> out = new LinkedHashMap<>();
        SettingsTable.ALL.forEach(setting -> out.put(setting.name(), setting.textOf(s)));
        return out;
    }

    /**
     * {@code base} with the remembered settings that {@code restore} picks; a missing, unreadable
     * or out-of-range value (an older or hand-edited file) keeps base's.
     */
    DiscardingSettings settingsOver(DiscardingSettings base, Predicate<Setting<?>> restore) {
        DiscardingSettings out = base;
        for (Setting<?> setting : SettingsTable.ALL) {
            String text = settings == null ? null : settings.get(setting.name());
            if (text == null || !restore.test(setting)) {
                continue;
            }
            try {
                DiscardingSettings next = setting.with(out, setting.parse(text));
                out = setting.problem(next) == null ? next : out;
            } catch (RuntimeException ignored) {
                // Not a value of this setting: the remembered one is dropped.
            }
        }
        return out;
    }

    /** The remembered colour range, or the default when none or a damaged one is saved. */
    ColourRange colourRange() {
        try {
            return colourRange == null ? ColourRange.DEFAULT : ColourRange.parse(colourRange);
        } catch (IllegalArgumentException e) {
            return ColourRange.DEFAULT;
        }
    }

    /** The size of the last sheet saved, or full HD. */
    SheetSize sheetSize() {
        try {
            return sheetSize == null ? SheetSize.FULL_HD : SheetSize.parse(sheetSize);
        } catch (IllegalArgumentException e) {
            return SheetSize.FULL_HD;
        }
    }

    /** The saved state, or a fresh one when there is none or it cannot be read. */
    static SavedState read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return new SavedState();
        }
        try {
            SavedState s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), SavedState.class);
            return s == null ? new SavedState() : s;
        } catch (IOException | JsonParseException e) {
            return new SavedState();
        }
    }

    /** Written beside the target and moved into place; a failure only loses the state. */
    void write(Path file) {
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.writeText(file, GSON.toJson(this));
        } catch (RuntimeException e) {
            System.err.println("sieve: could not save the explorer's state: " + e.getMessage());
        }
    }
}
