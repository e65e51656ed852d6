package org.sieve.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.rdd.RDD;
import org.sieve.analysis.ResultJson;
import org.sieve.service.BatchListener;
import org.sieve.service.BatchRunner;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A batch's unfinished images analysed by Spark's executors. Images go out in partitions of a few
 * consecutive images; each executor writes its images' folders and sends their result.json back.
 * The driver hands results to the batch in image order as partitions finish, so progress is live
 * and the summary is the one the plain batch computes.
 */
final class SparkEngine implements BatchRunner.Engine {

    /** Few enough that a retried task repeats little and progress is live; enough to spread the work. */
    private static final int IMAGES_PER_PARTITION = 4;

    private final SparkContext spark;
    private final BatchJob job;
    private final BatchListener listener;

    SparkEngine(SparkContext spark, BatchJob job, BatchListener listener) {
        this.spark = spark;
        this.job = job;
        this.listener = listener;
    }

    /** The number of partitions for {@code images} images: every core busy, at most a few images each. */
    static int partitions(int images, int parallelism) {
        int small = (images + IMAGES_PER_PARTITION - 1) / IMAGES_PER_PARTITION;
        return Math.max(1, Math.max(small, Math.min(images, parallelism)));
    }

    @Override
    public void analyse(List<BatchRunner.Unfinished> images, BatchRunner.Results results) {
        if (images.isEmpty()) {
            return;
        }
        List<ImageTask> tasks = images.stream().map(u -> new ImageTask(u.image().toString(),
                u.dir().toAbsolutePath().toString())).toList();
        int partitions = partitions(tasks.size(), spark.defaultParallelism());
        ClassTag<ImageTask> taskTag = ClassTag$.MODULE$.apply(ImageTask.class);
        RDD<ImageTask> rdd = spark.parallelize(CollectionConverters.asScala(tasks).toSeq(), partitions, taskTag);
        InOrder inOrder = new InOrder(results);
        spark.runJob(rdd, new AnalysePartition(job), new AbstractFunction2<Object, ImageOutcome[], BoxedUnit>() {
            @Override
            public BoxedUnit apply(Object partition, ImageOutcome[] outcomes) {
                inOrder.arrived((Integer) partition, outcomes);
                return BoxedUnit.UNIT;
            }
        }, ClassTag$.MODULE$.apply(ImageOutcome[].class));
    }

    /** The task: a partition's images analysed on the executor's shared service. */
    private static final class AnalysePartition extends AbstractFunction1<Iterator<ImageTask>, ImageOutcome[]>
            implements Serializable {

        private final BatchJob job;

        AnalysePartition(BatchJob job) {
            this.job = job;
        }

        @Override
        public ImageOutcome[] apply(Iterator<ImageTask> tasks) {
            return ExecutorAnalyses.analyse(job, CollectionConverters.asJava(tasks)).toArray(ImageOutcome[]::new);
        }
    }

    /** Hands partitions' outcomes to the batch in partition order, holding back those that finish early. */
    private final class InOrder {

        private final BatchRunner.Results results;
        private final Map<Integer, ImageOutcome[]> early = new HashMap<>();
        private int next;

        InOrder(BatchRunner.Results results) {
            this.results = results;
        }

        synchronized void arrived(int partition, ImageOutcome[] outcomes) {
            early.put(partition, outcomes);
            for (ImageOutcome[] ready = early.remove(next); ready != null; ready = early.remove(++next)) {
                for (ImageOutcome o : ready) {
                    o.warnings().forEach(listener::warning);
                    if (o.result() != null) {
                        results.finished(o.image(), ResultJson.parse(o.result()), o.engineSeconds(),
                                o.optimisationSeconds());
                    } else {
                        results.skipped(o.image(), o.skipped());
                    }
                }
            }
        }
    }
}
