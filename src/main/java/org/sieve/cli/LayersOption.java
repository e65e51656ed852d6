package org.sieve.cli;

import java.util.List;
import org.sieve.network.Network;
import picocli.CommandLine.Option;

/** {@code --layers}: the layers a command works on; each command sets its own default. */
final class LayersOption {

    @Option(names = "--layers", paramLabel = "all|conv|L1,L2", description = "The layers: all, conv (every convolution layer,"
            + " or every layer of a network without any) or layer names (see 'sieve layers'); default"
            + " ${DEFAULT-VALUE}.")
    LayerChoice choice;

    LayersOption() {
        this(LayerChoice.ALL);
    }

    LayersOption(LayerChoice byDefault) {
        choice = byDefault;
    }

    /** The chosen layers of {@code network}; an unknown name is refused with the valid ones. */
    List<String> in(Network network) {
        return choice.in(network);
    }
}
