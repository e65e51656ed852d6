package org.sieve.report;

import java.util.List;
import java.util.Locale;

/** The exact frame of a sheet in pixels, e.g. a 16:9 slide. */
public record SheetSize(int width, int height) {

    public static final int MIN_WIDTH = 640;
    public static final int MIN_HEIGHT = 360;
    public static final int MAX_WIDTH = 7680;
    public static final int MAX_HEIGHT = 4320;
    public static final SheetSize FULL_HD = new SheetSize(1920, 1080);
    /** 16:9 slides: full HD, QHD and 4K. */
    public static final List<SheetSize> PRESETS = List.of(FULL_HD, new SheetSize(2560, 1440),
            new SheetSize(3840, 2160));

    public SheetSize {
        if (width < MIN_WIDTH || width > MAX_WIDTH || height < MIN_HEIGHT || height > MAX_HEIGHT) {
            throw new IllegalArgumentException("A sheet of " + width + "x" + height + " pixels is outside "
                    + MIN_WIDTH + "x" + MIN_HEIGHT + " to " + MAX_WIDTH + "x" + MAX_HEIGHT
                    + "; choose e.g. 1920x1080.");
        }
    }

    /** A 16:9 frame this wide. */
    public static SheetSize ofWidth(int width) {
        return new SheetSize(width, Math.round(width * 9 / 16f));
    }

    /** "WIDTHxHEIGHT", e.g. "1920x1080" (also with "×" or "*"). */
    public static SheetSize parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s*[x×*]\\s*");
        if (parts.length == 2) {
            try {
                return new SheetSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            } catch (NumberFormatException e) {
                // Falls through to the message below.
            }
        }
        throw new IllegalArgumentException("A sheet size is WIDTHxHEIGHT in pixels, e.g. 1920x1080 or 3840x2160;"
                + " got '" + text + "'.");
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
