package org.sieve.train;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.sieve.data.Dataset;
import org.sieve.data.Datasets;

/** The committed 500-image test subsets, small enough for unit tests. */
final class TestData {

    private TestData() {
    }

    static Path resource(String file) {
        try {
            return Path.of(TestData.class.getResource("/testsets/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Dataset subset(String name) {
        return Datasets.fromFiles(name, resource(name + "-test-500-images.idx.gz"),
                resource(name + "-test-500-labels.idx.gz"));
    }
}
