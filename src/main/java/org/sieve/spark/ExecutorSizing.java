package org.sieve.spark;

import java.util.List;
import org.apache.spark.SparkConf;
import org.sieve.metrics.StepCost;
import org.sieve.network.Network;

/**
 * Executor memory from what the model's optimisation step holds. TensorFlow's buffers live outside
 * the Java heap, so they go into Spark's memory overhead; the heap only holds images, results and
 * the model's weights. Settings the user gave (--conf, spark-defaults.conf) are kept.
 */
final class ExecutorSizing {

    /** TensorFlow's own runtime, the graphs and the weights on top of the step's activations. */
    private static final long NATIVE_BASE_MB = 768;
    /** The heap: decoded images, result files and the Java copy of the weights. */
    private static final long HEAP_MB = 1024;
    /** Room for a step's buffers that outlive it while the next is allocated. */
    private static final int STEP_COPIES = 2;

    private ExecutorSizing() {
    }

    /** Native memory an executor needs for one step of these layers with this many draws, in MiB. */
    static long overheadMb(Network network, List<String> layers, int draws) {
        long stepMb = (StepCost.of(network, draws).bytes(layers) + (1 << 20) - 1) >> 20;
        return NATIVE_BASE_MB + STEP_COPIES * stepMb;
    }

    static void apply(SparkConf conf, Network network, List<String> layers, int draws) {
        conf.setIfMissing("spark.executor.memory", HEAP_MB + "m");
        conf.setIfMissing("spark.executor.memoryOverhead", overheadMb(network, layers, draws) + "m");
    }
}
