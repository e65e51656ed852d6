package org.sieve.metrics;

/** Thrown on the computing thread when an analysis was cancelled; nothing is reported. */
public class AnalysisCancelledException extends RuntimeException {

    public AnalysisCancelledException() {
        super("The analysis was cancelled.");
    }
}
