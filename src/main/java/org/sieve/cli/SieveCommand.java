package org.sieve.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.sieve.SieveException;
import org.sieve.analysis.Version;
import org.sieve.selftest.SelfTest;
import org.sieve.selftest.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sieve}: names every command once; without one, its help. */
@Command(name = "sieve", mixinStandardHelpOptions = true, version = "sieve " + Version.SIEVE,
        header = "Sieve shows how a trained CNN discards the information of each input pixel, layer by layer"
                + " (Ma et al., ICML 2022).",
        customSynopsis = {"sieve                      open the explorer (the desktop app)",
                "       sieve COMMAND [OPTIONS]    run a command without a display"},
        commandListHeading = "%nCommands:%n",
        subcommands = {ModelsCommand.class, LayersCommand.class, AnalyzeCommand.class, PredictCommand.class,
                ImportCommand.class, BatchCommand.class,
                CacheCommand.class, TrainCommand.class, TrainDecodersCommand.class, BenchCommand.class,
                SnapshotCommand.class, LessonCommand.class, CompletionCommand.class, HelpCommand.class,
                // Tools for the project's scripts, hidden from the help.
                CutModelCommand.class, FindingsReportCommand.class, ExportSamplesCommand.class},
        exitCodeListHeading = "%nExit status (every command):%n",
        exitCodeList = {"0:success",
                "1:partly done: some layers or images failed (the message says which and why; the others were"
                        + " written)",
                "2:wrong usage: an unknown option, a missing value, text that is not a number",
                "3:bad input: a file, model or value (the message names it and says what to do)",
                "4:the computation failed, or a check of --self-test did; also a failure inside Sieve itself"},
        footer = {"%n'sieve help COMMAND' or 'sieve COMMAND --help' explains a command's options.",
                "Example: sieve analyze --model lenet5-mnist --image sample-images/mnist/0-7.png --mask auto"})
final class SieveCommand implements Callable<Integer> {

    /** Where the commands write: results on {@code out}, progress and messages on {@code err}. */
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--self-test", description = "Check that this installation works: load TensorFlow, analyse two"
            + " layers of a bundled model, check the constraint and render a heatmap; one line with the verdict and"
            + " timings, exit 0 only if all of it worked.")
    boolean selfTest;

    SieveCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (selfTest) {
            Verdict verdict = SelfTest.installed().run();
            out.println(verdict.line());
            return verdict.passed() ? 0 : SieveException.COMPUTE_FAILED;
        }
        spec.commandLine().usage(out);
        return 0;
    }
}
