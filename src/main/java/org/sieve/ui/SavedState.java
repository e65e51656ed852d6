package org.sieve.ui;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sieve.io.AtomicFiles;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.report.ColourRange;
import org.sieve.report.MapStyle;
import org.sieve.report.SheetSize;
import org.sieve.tf.ComputeDevice;

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
    /** A {@link org.sieve.ui.model.LayerPick} name: the kind of layer choice, kept across models. */
    String layerPick;
    boolean compare;
    String compareKind;
    List<String> recentModels = new ArrayList<>();
    /** Chosen in the side bar rather than the settings sheet, so kept apart from the settings. */
    String metric;
    Settings settings;

    /** The metric's settings the user can change in the settings sheet. */
    static final class Settings {
        double tau;
        double sigma0;
        int gridRows;
        int gridColumns;
        int draws;
        int steps;
        long seed;
        String device;

        static Settings of(DiscardingSettings s) {
            Settings out = new Settings();
            out.tau = s.tau();
            out.sigma0 = s.sigma0();
            out.gridRows = s.gridHeight();
            out.gridColumns = s.gridWidth();
            out.draws = s.draws();
            out.steps = s.maxSteps();
            out.seed = s.seed();
            out.device = s.device().id();
            return out;
        }

        DiscardingSettings apply(DiscardingSettings base) {
            DiscardingSettings.Builder b = base.toBuilder();
            if (tau > 0) {
                b.tau(tau);
            }
            if (sigma0 > 0) {
                b.sigma0(sigma0);
            }
            if (gridRows >= 0 && gridColumns >= 0) {
                b.grid(gridRows, gridColumns);
            }
            if (draws > 0) {
                b.draws(draws);
            }
            if (steps > 0) {
                b.maxSteps(steps);
            }
            b.seed(seed);
            try {
                if (device != null) {
                    b.device(ComputeDevice.parse(device));
                }
            } catch (RuntimeException ignored) {
                // An unknown device name keeps the default.
            }
            return b.build();
        }
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
