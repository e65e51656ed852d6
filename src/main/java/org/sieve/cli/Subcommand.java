package org.sieve.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** What every command under {@code sieve} has: its help option, and where it writes. */
abstract class Subcommand implements Callable<Integer> {

    @ParentCommand
    private SieveCommand sieve;

    @Mixin
    private HelpOption help;

    /** Results. */
    PrintStream out() {
        return sieve.out;
    }

    /** Progress, warnings and summaries. */
    PrintStream err() {
        return sieve.err;
    }
}
