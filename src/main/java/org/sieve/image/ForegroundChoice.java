package org.sieve.image;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sieve.SieveException;

/**
 * A foreground as a person writes it: {@code auto} (the strokes of a digit), a rectangle
 * {@code x,y,w,h} in source image pixels, or the path of a mask image. Read once, with a
 * rectangle's numbers checked at once, then made into a {@link ForegroundMask} for each image.
 */
public sealed interface ForegroundChoice {

    /** The mask on {@code image}, or null when the choice does not apply to it (see {@link #note}). */
    ForegroundMask on(PreparedImage image);

    /** Why {@link #on} gives no foreground for {@code image}, to tell the user; null when it gives one. */
    default String note(PreparedImage image) {
        return null;
    }

    /** Digit strokes; none for an image that is not digit-like (a photo). */
    record Auto() implements ForegroundChoice {
        @Override
        public ForegroundMask on(PreparedImage image) {
            return note(image) == null ? ForegroundMask.auto(image) : null;
        }

        @Override
        public String note(PreparedImage image) {
            return ForegroundMask.autoDoesNotApply(image);
        }
    }

    record Rectangle(String spec) implements ForegroundChoice {
        public Rectangle {
            ForegroundMask.rectangleNumbers(spec);
        }

        @Override
        public ForegroundMask on(PreparedImage image) {
            return ForegroundMask.rectangle(spec, image);
        }
    }

    record MaskImage(Path file) implements ForegroundChoice {
        @Override
        public ForegroundMask on(PreparedImage image) {
            return ForegroundMask.fromMaskImage(file, image);
        }
    }

    /** Text with a comma that is not an existing file is read as a rectangle, so typos get a number error. */
    static ForegroundChoice parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new SieveException("The foreground is empty; give \"auto\", a rectangle x,y,w,h in source"
                    + " image pixels, or the path of a mask image.");
        }
        if (s.equalsIgnoreCase("auto")) {
            return new Auto();
        }
        Path path = Path.of(s);
        return s.contains(",") && !Files.exists(path) ? new Rectangle(s) : new MaskImage(path);
    }
}
