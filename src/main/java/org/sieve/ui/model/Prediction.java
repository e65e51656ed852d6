package org.sieve.ui.model;

/** One class of the model's answer for the current image. */
public record Prediction(String label, double probability) {
}
