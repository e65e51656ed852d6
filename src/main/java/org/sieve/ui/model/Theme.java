package org.sieve.ui.model;

/** The window's colours; each has a style sheet under org/sieve/ui. */
public enum Theme {
    LIGHT("light.css"), DARK("dark.css");

    private final String styleSheet;

    Theme(String styleSheet) {
        this.styleSheet = styleSheet;
    }

    public String styleSheet() {
        return styleSheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
