package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.sieve.model.ModelMetadata;
import org.sieve.network.Network;

/** An imported network saved as Sieve's layers folder reads back with the same layers, weights and output. */
final class ImportRoundTrip {

    private ImportRoundTrip() {
    }

    static void assertSavesAndReadsBack(Network net, Path dir) {
        ModelStore.save(ModelStore.inMemory(net, ModelMetadata.defaults("imported", net)), dir);
        Network back = ModelStore.load(dir).network();
        FormatFixtures.assertSameLayers(net, back);
        FormatFixtures.assertSameWeights(net, back);
        float[] x = WriterReference.probeInput(net.input());
        String out = net.output().name();
        assertArrayEquals(FormatFixtures.outputs(net, x).get(out), FormatFixtures.outputs(back, x).get(out));
    }
}
