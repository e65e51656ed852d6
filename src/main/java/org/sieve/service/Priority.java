package org.sieve.service;

/** Queue order of a job on its device: interactive work goes before queued batch work. */
public enum Priority {
    /** Someone is waiting for this result (the explorer, {@code sieve analyze}). */
    INTERACTIVE,
    /** One of many images; runs when no interactive job is waiting. */
    BATCH
}
