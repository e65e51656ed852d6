package org.sieve.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sieve.network.Layer;
import org.sieve.network.Network;
import picocli.CommandLine.TypeConversionException;

/**
 * Which layers to analyse, as written after {@code --layers}: {@code all}, {@code conv} (every
 * convolution layer, or every layer of a network without any) or names {@code L1,L2,...}.
 */
record LayerChoice(String text, List<String> names) {

    static final LayerChoice ALL = new LayerChoice("all", List.of());
    static final LayerChoice CONV = new LayerChoice("conv", List.of());

    static LayerChoice parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase(ALL.text) || t.equalsIgnoreCase(CONV.text)) {
            return t.toLowerCase(Locale.ROOT).equals(ALL.text) ? ALL : CONV;
        }
        List<String> names = Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new TypeConversionException("expects all, conv or layer names separated by commas, got '" + text
                    + "'; 'sieve layers --model M' lists a model's layers.");
        }
        return new LayerChoice(t, names);
    }

    /** The chosen layers of {@code network}; an unknown name is refused with the valid ones. */
    List<String> in(Network network) {
        if (this == ALL) {
            return network.analysableLayers().stream().map(Layer::name).toList();
        }
        if (this == CONV) {
            List<String> conv = network.analysableLayers().stream().filter(l -> Layer.CONVOLUTION_KINDS.contains(l.kind()))
                    .map(Layer::name).toList();
            return conv.isEmpty() ? ALL.in(network) : conv;
        }
        names.forEach(network::layer);
        return names;
    }

    /** As typed, so that a command's help can state its default. */
    @Override
    public String toString() {
        return text;
    }
}
