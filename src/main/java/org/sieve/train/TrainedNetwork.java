package org.sieve.train;

import org.sieve.network.Network;

/**
 * A network with trained weights (batch norm's moving statistics included), the input
 * normalisation it was trained with, its test accuracy (a fraction), after how many epochs, and
 * the wall time spent training it.
 */
public record TrainedNetwork(Network network, PixelStatistics normalization, double testAccuracy, int epochs,
        double seconds) {
}
