package org.sieve.lesson;

import java.util.List;
import org.sieve.image.RequestedRegion;
import org.sieve.image.ResizeMode;

/**
 * One panel of a step: a model analysed on an image.
 *
 * @param model  a bundled model's id, or a model folder (relative to the lesson file's folder)
 * @param image  an image file, relative to the lesson file's folder or to Sieve's home folder
 * @param region the part of the image in source pixels, or null for all of it
 * @param fit    how the image (or region) is brought to the model's input
 * @param layers the layers analysed, by name
 * @param mask   the foreground: "none", "auto" (a digit's strokes) or a rectangle "x,y,w,h" in
 *               source pixels
 */
public record PanelView(String model, String image, RequestedRegion region, ResizeMode fit, List<String> layers,
        String mask) {

    public static final String NO_MASK = "none";
    public static final String AUTO_MASK = "auto";

    public PanelView {
        layers = List.copyOf(layers);
    }
}
