package org.sieve.spark;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkException;
import org.sieve.SieveException;
import org.sieve.service.BatchListener;
import org.sieve.service.BatchReport;
import org.sieve.service.BatchRunner;

/**
 * {@code sieve batch --engine spark}: the batch of {@link BatchRunner} (folder layout, resuming,
 * refusing a folder of other arguments, summary) with the images analysed by Spark's executors,
 * then summary.parquet. Spark runs embedded ({@code local[*]}) unless a master is given or
 * spark-submit chose one.
 */
public final class SparkBatch {

    public static final String DEFAULT_MASTER = "local[*]";

    /**
     * Where Spark runs.
     *
     * @param master a master URL, or null for spark-submit's or the embedded default
     * @param conf   Spark settings, as spark-submit's --conf
     */
    public record Cluster(String master, Map<String, String> conf) {
        public Cluster {
            conf = Map.copyOf(conf);
        }
    }

    private SparkBatch() {
    }

    /**
     * @param model  the model's folder or file, readable at the same path by every executor
     * @param cache  whether executors use their machine's result cache
     */
    public static BatchReport run(BatchRunner.Spec spec, Path model, Cluster cluster, boolean cache,
            BatchListener listener) {
        SparkConf conf = conf(spec, cluster);
        SparkContext spark;
        try {
            spark = SparkContext.getOrCreate(conf);
        } catch (RuntimeException e) {
            throw new SieveException("Spark could not start with master " + conf.get("spark.master") + ": "
                    + rootMessage(e) + ". Check --master (local[N], spark://HOST:PORT, yarn, k8s://...).", e);
        }
        try {
            BatchJob job = BatchJob.of(spec, model, cache);
            BatchReport report = new BatchRunner(spec, new SparkEngine(spark, job, listener), listener).run();
            SummaryTable.write(spark.hadoopConfiguration(), spec.out());
            return report;
        } catch (SieveException e) {
            throw e;
        } catch (Exception e) {
            // Spark's failures are checked exceptions that Scala throws undeclared.
            if (!(e instanceof SparkException) && !(e.getCause() instanceof SparkException)) {
                throw SieveException.internal("The Spark batch", e);
            }
            throw new SieveException("Spark stopped the batch: " + rootMessage(e) + ". Every finished image is"
                    + " kept in " + spec.out() + "; run the same command again to resume.",
                    SieveException.COMPUTE_FAILED, e);
        } finally {
            spark.stop();
        }
    }

    static SparkConf conf(BatchRunner.Spec spec, Cluster cluster) {
        SparkConf conf = new SparkConf().setAppName("sieve batch " + spec.out().toAbsolutePath().getFileName());
        cluster.conf().forEach(conf::set);
        if (cluster.master() != null) {
            conf.setMaster(cluster.master());
        }
        conf.setIfMissing("spark.master", DEFAULT_MASTER);
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            conf.setIfMissing("spark.ui.enabled", "false");
        } else if (!conf.contains("spark.jars")) {
            // Not launched by spark-submit: executors load Sieve from the driver's class path,
            // which must then exist at the same place on every worker (a shared checkout).
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        ExecutorSizing.apply(conf, spec.model().network(), spec.model().network().inOrder(spec.layers()),
                spec.settings().draws());
        return conf;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() != null ? root.getMessage() : root.toString();
        return m.lines().findFirst().orElse(m).strip();
    }
}
