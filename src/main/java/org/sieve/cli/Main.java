package org.sieve.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.sieve.SieveException;
import org.sieve.image.ForegroundChoice;
import org.sieve.ui.FileArguments;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The {@code sieve} command line. Exit status: 0 success, 1 some layers failed (the others
 * were written), 2 wrong usage, 3 bad input (file, model, value), 4 computation failed.
 */
public final class Main {

    static final int PARTIAL = 1;

    private Main() {
    }

    /**
     * With no arguments, or only files to open (the desktop entry's {@code sieve %F}, a file
     * manager's "Open with Sieve"), opens the explorer; otherwise runs a command and exits with its status.
     */
    public static void main(String[] args) {
        if (args.length == 0 || FileArguments.only(args, Main::isCommand)) {
            org.sieve.ui.Explorer.main(args);
            return;
        }
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Whether {@code word} names one of the command line's commands. */
    public static boolean isCommand(String word) {
        return commandLine(System.out, System.err).getSubcommands().containsKey(word);
    }

    /** Runs one command line as a user would, writing to {@code out} and {@code err}; returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        String first = args.isEmpty() ? "" : args.get(0);
        if (!args.isEmpty() && !isCommand(first) && FileArguments.looksLikeFile(first)
                && !FileArguments.only(args.toArray(String[]::new), Main::isCommand)) {
            err.println("sieve: cannot open " + FileArguments.firstMissing(args).orElse(first) + ": no such file or folder. Give images or models to open"
                    + " in the explorer, or a command (sieve help).");
            return SieveException.BAD_INPUT;
        }
        return execute(args, out, err);
    }

    private static int execute(List<String> args, PrintStream out, PrintStream err) {
        try {
            return commandLine(out, err).execute(args.toArray(String[]::new));
        } catch (OutOfMemoryError e) {
            err.println("sieve: " + SieveException.OUT_OF_MEMORY);
            return SieveException.COMPUTE_FAILED;
        } catch (StackOverflowError e) {
            err.println("sieve: " + SieveException.internal("sieve", e).getMessage());
            return SieveException.COMPUTE_FAILED;
        }
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new SieveCommand(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setUsageHelpWidth(100);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(LayerChoice.class, LayerChoice::parse);
        cli.registerConverter(ForegroundChoice.class, ForegroundChoice::parse);
        cli.setParameterExceptionHandler(Failures::usage);
        cli.setExecutionExceptionHandler(Failures::execution);
        cli.setExitCodeExceptionMapper(Failures::exitCode);
        Deque<CommandLine> commands = new ArrayDeque<>(List.of(cli));
        while (!commands.isEmpty()) {
            CommandLine c = commands.pop();
            // Options in the order declared: what to analyse first, then how.
            UsageMessageSpec usage = c.getCommandSpec().usageMessage();
            usage.sortOptions(false).synopsisHeading("%nUsage: ").optionListHeading("%nOptions:%n")
                    .descriptionHeading(usage.description().length > 0 ? "%n" : "");
            commands.addAll(c.getSubcommands().values());
        }
        return cli;
    }
}
