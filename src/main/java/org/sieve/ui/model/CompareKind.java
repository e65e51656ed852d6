package org.sieve.ui.model;

/** What the two panels of compare mode share, and what differs between them. */
public enum CompareKind {
    TWO_MODELS("Two models, one image", false, true),
    TWO_IMAGES("Two images, one model", true, false),
    TWO_LAYER_SETS("Two layer sets, one model and image", true, true);

    private final String label;
    private final boolean sharesModel;
    private final boolean sharesImage;

    CompareKind(String label, boolean sharesModel, boolean sharesImage) {
        this.label = label;
        this.sharesModel = sharesModel;
        this.sharesImage = sharesImage;
    }

    public boolean sharesModel() {
        return sharesModel;
    }

    public boolean sharesImage() {
        return sharesImage;
    }

    /** Layers follow the other panel only when nothing but the image differs. */
    public boolean sharesLayers() {
        return this == TWO_IMAGES;
    }

    @Override
    public String toString() {
        return label;
    }
}
