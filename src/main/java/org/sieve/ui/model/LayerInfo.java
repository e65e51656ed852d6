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

    /** The convolution layers, or every layer when the network has none (an MLP). */
    public static List<String> defaultPick(List<LayerInfo> layers) {
        List<String> conv = layers.stream().filter(LayerInfo::convolution).map(LayerInfo::name).toList();
        return conv.isEmpty() ? layers.stream().map(LayerInfo::name).toList() : conv;
    }
}
