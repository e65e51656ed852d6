package org.sieve.ui.view;

import javafx.scene.input.KeyCombination;

/** Every keyboard shortcut of the explorer in one table: the menus take their keys from it, Help lists it. */
public enum Shortcut {
    ANALYZE("F5", "Analyze every panel"),
    ANALYZE_TOO("Shortcut+Enter", "Analyze, from anywhere in the window"),
    CANCEL("Shortcut+Period", "Cancel the running analysis (Esc too)"),
    OPEN_IMAGE("Shortcut+O", "Open an image"),
    PASTE_IMAGE("Shortcut+V", "Use the image on the clipboard"),
    OPEN_MODEL("Shortcut+Shift+O", "Open a model folder"),
    SAVE_SHEET("Shortcut+S", "Save a slide-sized sheet of the results"),
    EXPORT_NUMBERS("Shortcut+E", "Export result.json, entropy.csv and the maps"),
    SETTINGS("Shortcut+Comma", "Settings of the analysis"),
    COMPARE("Shortcut+K", "Compare two panels side by side"),
    DARK_THEME("Shortcut+T", "Light or dark theme"),
    PRESENTATION("F11", "Presentation mode: full screen, large type, only the results (Esc leaves)"),
    CONTROLS("Shortcut+B", "Show or hide the side bar and tool bars"),
    HELP("F1", "What the maps and curves mean, and these shortcuts"),
    QUIT("Shortcut+Q", "Quit");

    private final KeyCombination keys;
    private final String description;

    Shortcut(String keys, String description) {
        this.keys = KeyCombination.keyCombination(keys);
        this.description = description;
    }

    public KeyCombination keys() {
        return keys;
    }

    /** As the platform writes it, e.g. "Ctrl+K". */
    public String display() {
        return keys.getDisplayText();
    }

    public String description() {
        return description;
    }
}
