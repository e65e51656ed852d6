package org.sieve.lesson;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a step's panels sit on screen: one, or two compared and what they share. */
public enum Layout {
    /** One model on one image. */
    ONE_PANEL(1),
    /** Two models on the same image, layers chosen per model. */
    TWO_MODELS(2),
    /** One model on two images, the same layers. */
    TWO_IMAGES(2),
    /** One model on one image, two sets of layers. */
    TWO_LAYER_SETS(2);

    private final int panels;

    Layout(int panels) {
        this.panels = panels;
    }

    public int panels() {
        return panels;
    }

    /** As the lesson file writes it: "one-panel", "two-models", ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the layouts there are */
    public static Layout parse(String text) {
        for (Layout l : values()) {
            if (l.id().equals(text)) {
                return l;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a layout; use one of "
                + Arrays.stream(values()).map(Layout::id).collect(Collectors.joining(", ")));
    }
}
