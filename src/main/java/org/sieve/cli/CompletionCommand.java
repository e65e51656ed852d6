package org.sieve.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sieve completion}: a bash completion script for every command and option, generated from them. */
@Command(name = "completion",
        header = "Print a bash completion script for sieve's commands and options.",
        description = {"Completes commands, options and their fixed values (metrics, devices, colour maps,"
                + " architectures) and file names in bash. For the current shell:",
                "  source <(./sieve completion)",
                "For every new shell, with sieve on the PATH:",
                "  ./sieve completion > ~/.local/share/bash-completion/completions/sieve"})
final class CompletionCommand extends Subcommand {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        out().print(AutoComplete.bash("sieve", spec.root().commandLine()));
        out().flush();
        return 0;
    }
}
