package org.sieve.ui.model;

/** The latest sigma grid of one layer while it is optimised. */
public record LiveSigma(String layer, int step, float[][] sigma) {
}
