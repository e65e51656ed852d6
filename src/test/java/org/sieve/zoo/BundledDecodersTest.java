package org.sieve.zoo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sieve.data.Dataset;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import org.sieve.model.DecoderSet;
import org.sieve.network.format.DecoderIndex;
import org.sieve.train.DecoderEvaluation;
import org.sieve.train.TestData;

/**
 * Every bundled model ships a decoder for every layer, and the decoders rebuild held-out images
 * (the committed first 500 test images, never trained on) better than the best constant guess:
 * each layer's mean squared error per pixel is below {@link #SHARE} of the images' own variance
 * around their mean image, and the first layer's below {@link #FIRST_LAYER_SHARE} of it (an
 * early layer keeps nearly everything).
 */
@Tag("zoo")
class BundledDecodersTest {

    static final double SHARE = 0.75;
    static final double FIRST_LAYER_SHARE = 0.2;

    static Stream<String> bundled() {
        return BundledModelsTest.bundled();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void rebuildHeldOutImages(String id) {
        Model model = BundledModelsTest.bundledCatalogue().resolve(id);
        ModelMetadata meta = model.metadata();
        DecoderSet set = DecoderIndex.load(model);
        List<String> layers = model.network().analysableLayers().stream().map(Layer::name).toList();
        List<Network> decoders = set.forLayers(layers).stream().map(DecoderSet.Decoder::network).toList();
        Dataset test = TestData.subset(meta.dataset());
        double variance = TestData.varianceAroundMean(test);
        double[] mse = DecoderEvaluation.meanSquaredErrors(model, layers, decoders, test);
        for (int l = 0; l < layers.size(); l++) {
            System.out.printf("%s %s: held-out MSE %.5f (%.0f %% of the variance %.4f)%n", id, layers.get(l),
                    mse[l], 100 * mse[l] / variance, variance);
            double bound = (l == 0 ? FIRST_LAYER_SHARE : SHARE) * variance;
            assertTrue(mse[l] < bound, id + " " + layers.get(l) + ": MSE " + mse[l] + " not below " + bound);
        }
    }
}
