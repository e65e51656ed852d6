package org.sieve.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} of every command (the top command has picocli's standard pair, with --version). */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean requested;
}
