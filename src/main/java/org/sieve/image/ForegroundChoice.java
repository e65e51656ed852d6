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

    ForegroundMask on(PreparedImage image);

    record Auto() implements ForegroundChoice {
        @Override
        public ForegroundMask on(PreparedImage image) {
            return ForegroundMask.auto(image);
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
