package org.sieve.ui.model;

import java.util.List;
import org.sieve.network.Layer;
import org.sieve.network.Network;

/**
 * One analysable layer as the layer picker lists it.
 *
 * @param index position among the analysable layers, from 0, in network order
 */
public record LayerInfo(String name, String kind, int index) {

    public boolean convolution() {
        return Layer.CONVOLUTION_KINDS.contains(kind);
    }

    public static List<LayerInfo> of(Network network) {
        List<Layer> layers = network.analysableLayers();
        return java.util.stream.IntStream.range(0, layers.size())
                .mapToObj(i -> new LayerInfo(layers.get(i).name(), layers.get(i).kind(), i)).toList();
    }

    /** How many layers a model's first choice has when it has more to choose from. */
    public static final int FIRST_CHOICE = 5;

    /**
     * A model's first choice: its convolution layers (every layer of an MLP) where there are at
     * most one more than {@link #FIRST_CHOICE}, as in the paper's LeNet-5 and VGG; otherwise that
     * many of them spread evenly over the depth, first and last included, so that a 150-layer
     * MobileNetV2 starts with a choice that runs in minutes, not hours.
     */
    public static List<String> firstChoice(List<LayerInfo> layers) {
        List<String> candidates = defaultPick(layers);
        if (candidates.size() <= FIRST_CHOICE + 1) {
            return candidates;
        }
        return java.util.stream.IntStream.range(0, FIRST_CHOICE)
                .mapToObj(i -> candidates.get((int) Math.round(i * (candidates.size() - 1.0) / (FIRST_CHOICE - 1))))
                .toList();
    }

    /** The convolution layers, or every layer when the network has none (an MLP). */
    public static List<String> defaultPick(List<LayerInfo> layers) {
        List<String> conv = layers.stream().filter(LayerInfo::convolution).map(LayerInfo::name).toList();
        return conv.isEmpty() ? layers.stream().map(LayerInfo::name).toList() : conv;
    }
}
