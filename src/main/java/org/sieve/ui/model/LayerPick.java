package org.sieve.ui.model;

import java.util.Collection;
import java.util.List;

/**
 * The kind of layer choice the user made on a model: a quick pick or layers ticked one by one.
 * A choice belongs to its model (see {@link PanelState#layersByModel()}): "All" on LeNet-5 never
 * becomes all 154 layers of MobileNetV2.
 */
public enum LayerPick {
    /** Every convolution layer (every layer of a network without any): the paper's usual choice. */
    CONVOLUTIONS,
    ALL,
    NONE,
    /** Layers ticked by hand: kept by name where the model has them. */
    CHOSEN;

    /** The layers of {@code model} this choice means, given the names chosen so far. */
    public List<String> layersOf(LoadedModel model, Collection<String> chosen) {
        return switch (this) {
            case CONVOLUTIONS -> LayerInfo.defaultPick(model.layers());
            case ALL -> model.layers().stream().map(LayerInfo::name).toList();
            case NONE -> List.of();
            case CHOSEN -> {
                List<String> kept = model.inNetworkOrder(chosen);
                yield kept.isEmpty() ? LayerInfo.firstChoice(model.layers()) : kept;
            }
        };
    }
}
