package org.sieve.cli;

import java.io.PrintWriter;
import org.sieve.SieveException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How failures reach the user: one line each, never a stack trace for what the user can act on,
 * and the exit status from {@link SieveException#exitCode()}. Usage errors end with where the
 * command's help is.
 */
final class Failures {

    private Failures() {
    }

    /** A command line picocli could not read, or an option value a converter refused. */
    static int usage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        if (e.getCause() instanceof SieveException bad) {
            String option = e.getArgSpec() instanceof OptionSpec o ? o.longestName() : "a parameter";
            err.println("sieve: Invalid value for option '" + option + "': " + bad.getMessage());
            if (bad.exitCode() == UsageException.USAGE) {
                pointToHelp(command);
            }
            return bad.exitCode();
        }
        err.println("sieve: " + e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        pointToHelp(command);
        return UsageException.USAGE;
    }

    /** A command that failed while running: the command line's one boundary, never a stack trace. */
    static int execution(Exception e, CommandLine command, ParseResult parsed) {
        SieveException bad = e instanceof SieveException s ? s
                : SieveException.internal("sieve " + command.getCommandName(), e);
        command.getErr().println("sieve: " + bad.getMessage());
        if (bad.exitCode() == UsageException.USAGE) {
            pointToHelp(command);
        }
        return bad.exitCode();
    }

    /** For what escapes the handlers above: a failure inside Sieve itself. */
    static int exitCode(Throwable t) {
        return t instanceof SieveException bad ? bad.exitCode() : SieveException.COMPUTE_FAILED;
    }

    private static void pointToHelp(CommandLine command) {
        command.getErr().println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
    }
}
