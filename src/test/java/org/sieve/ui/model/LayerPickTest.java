package org.sieve.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sieve.metrics.TestNetworks;
import org.sieve.model.ModelMetadata;
import org.sieve.network.format.ModelStore;

/** A quick pick means the same kind of layers in any model; layers ticked by hand are kept by name. */
class LayerPickTest {

    private static final LoadedModel MODEL = LoadedModel.of(ModelStore.inMemory(TestNetworks.convStack(1f, 1),
            ModelMetadata.defaults("conv", TestNetworks.convStack(1f, 1))));

    @Test
    void eachKindMeansItsLayersInTheNewModel() {
        List<String> all = MODEL.layers().stream().map(LayerInfo::name).toList();
        List<String> conv = LayerInfo.defaultPick(MODEL.layers());
        List<String> names = List.of("fc1", "fc2");
        assertEquals(conv, LayerPick.CONVOLUTIONS.layersOf(MODEL, names), "not the names the old model had");
        assertEquals(all, LayerPick.ALL.layersOf(MODEL, names));
        assertEquals(List.of(), LayerPick.NONE.layersOf(MODEL, all));
        assertEquals(List.of(all.get(1)), LayerPick.CHOSEN.layersOf(MODEL, List.of("missing", all.get(1))));
        assertEquals(conv, LayerPick.CHOSEN.layersOf(MODEL, names), "none of the chosen names: the usual choice");
    }

    @Test
    void aModelsFirstChoiceIsAboutFiveLayersSpreadOverItsDepth() {
        List<LayerInfo> deep = java.util.stream.IntStream.range(0, 40).mapToObj(i -> new LayerInfo(
                i % 2 == 0 ? "conv" + i : "relu" + i, i % 2 == 0 ? "Conv2D" : "ReLU", i)).toList();
        assertEquals(List.of("conv0", "conv10", "conv20", "conv28", "conv38"), LayerInfo.firstChoice(deep),
                "five of the 20 convolutions, first and last included");
        List<LayerInfo> six = deep.subList(0, 12);
        assertEquals(LayerInfo.defaultPick(six), LayerInfo.firstChoice(six), "six convolutions: all of them");
        List<LayerInfo> mlp = List.of(new LayerInfo("fc1", "Dense", 0), new LayerInfo("fc2", "Dense", 1));
        assertEquals(List.of("fc1", "fc2"), LayerInfo.firstChoice(mlp));
    }
}
