package org.sieve.cli;

import picocli.CommandLine.Mixin;

/**
 * What an analysis of one photo is about: {@code --model}, {@code --image} (with {@code --crop}
 * and {@code --region}) and {@code --layers}. The settings are {@link AnalysisOptions}.
 */
final class AnalysisTarget {

    @Mixin
    ModelOption model;

    @Mixin
    ImageOption image;

    @Mixin
    LayersOption layers;

    AnalysisTarget() {
        this(LayerChoice.ALL);
    }

    /** For a command that analyses other layers than all when none are named (snapshot's conv). */
    AnalysisTarget(LayerChoice byDefault) {
        layers = new LayersOption(byDefault);
    }
}
