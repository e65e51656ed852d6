package org.sieve.cli;

import java.nio.file.Path;
import org.sieve.SieveException;
import org.sieve.service.BatchListener;
import org.sieve.service.BatchReport;
import org.sieve.service.BatchRunner;
import org.sieve.spark.SparkBatch;

/**
 * The way from {@code sieve batch --engine spark} to Spark. Spark is not part of Sieve's own
 * class path (nor of the desktop package): the ./sieve launcher of a checkout adds the jars Maven
 * resolved, and spark-submit brings its own. Without them this says so instead of failing on a
 * missing class.
 */
final class SparkLink {

    private SparkLink() {
    }

    static BatchReport run(BatchRunner.Spec spec, Path model, SparkBatch.Cluster cluster, boolean cache,
            BatchListener listener) {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkLink.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SieveException("Apache Spark is not on the class path. Run --engine spark from a source"
                    + " checkout (./sieve puts the Spark jars Maven resolved on it) or through spark-submit with"
                    + " sieve-spark.jar (docs/cluster.md).", SieveException.COMPUTE_FAILED, e);
        }
        return SparkBatch.run(spec, model, cluster, cache, listener);
    }
}
