package org.sieve.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.sieve.analysis.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sieve}: names every command once; without one, its help. */
@Command(name = "sieve", mixinStandardHelpOptions = true, version = "sieve " + Version.SIEVE,
        header = "Sieve shows how a trained CNN discards the information of each input pixel, layer by layer"
                + " (Ma et al., ICML 2022).",
        customSynopsis = {"sieve                      open the explorer (the desktop app)",
                "       sieve COMMAND [OPTIONS]    run a command without a display"},
        commandListHeading = "%nCommands:%n",
        subcommands = {ModelsCommand.class, LayersCommand.class, AnalyzeCommand.class, BatchCommand.class,
                CacheCommand.class, TrainCommand.class, TrainDecodersCommand.class, BenchCommand.class,
                SnapshotCommand.class, CompletionCommand.class, HelpCommand.class},
        footer = {"%n'sieve help COMMAND' or 'sieve COMMAND --help' explains a command's options.",
                "Example: sieve analyze --model lenet5-mnist --image sample-images/mnist/0-7.png --mask auto"})
final class SieveCommand implements Callable<Integer> {

    /** Where the commands write: results on {@code out}, progress and messages on {@code err}. */
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    SieveCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(out);
        return 0;
    }
}
