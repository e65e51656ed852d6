package org.sieve.ui.model;

import java.util.Locale;
import org.sieve.model.ModelMetadata;

/**
 * The kind of input a model reads, which the image, region, drawing and foreground chosen for it
 * belong to: a digit drawn for LeNet-5 is no input for MobileNetV2, nor a face region for CenterNet.
 */
public enum InputKind {
    /** Handwritten digits (MNIST): the drawing pad and the automatic foreground. */
    DIGITS("mnist", MaskSpec.AUTO),
    /** Grey-scale clothing (Fashion-MNIST). */
    CLOTHING("fashion", MaskSpec.AUTO),
    /** Other grey-scale photos (the emotion model's faces): a region box on a photo. */
    FACES("photos", MaskSpec.NONE),
    /** Colour photos: a region box on a photo. */
    PHOTOS("photos", MaskSpec.NONE);

    private final String sampleGroup;
    private final MaskSpec firstForeground;

    InputKind(String sampleGroup, MaskSpec firstForeground) {
        this.sampleGroup = sampleGroup;
        this.firstForeground = firstForeground;
    }

    public static InputKind of(ModelMetadata m) {
        if (m.input().channels() == 3) {
            return PHOTOS;
        }
        String dataset = m.dataset() == null ? "" : m.dataset().toLowerCase(Locale.ROOT);
        return dataset.contains("fashion") ? CLOTHING : dataset.contains("mnist") ? DIGITS : FACES;
    }

    /** The group of sample images a model of this kind starts on ("mnist", "fashion", "photos"). */
    public String sampleGroup() {
        return sampleGroup;
    }

    /** The foreground a model of this kind starts with: strokes on digits and clothing, none on photos. */
    public MaskSpec firstForeground() {
        return firstForeground;
    }
}
