package org.sieve.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * sieve-spark.jar's entry for spark-submit: {@code spark-submit --class org.sieve.cli.SparkSubmit
 * sieve-spark.jar --model M --images DIR --out DIR [batch options]} runs {@code sieve batch
 * --engine spark} on the master spark-submit was given.
 */
public final class SparkSubmit {

    private SparkSubmit() {
    }

    public static void main(String[] args) {
        List<String> batch = new ArrayList<>(List.of("batch", "--engine", "spark"));
        batch.addAll(Arrays.asList(args));
        System.exit(Main.run(batch, System.out, System.err));
    }
}
