package org.sieve.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/cli.md, written from the picocli model that the command line itself runs on: every
 * command, its synopsis, options and parameters with their defaults, and the exit statuses.
 * {@link CliReferenceTest} fails when the committed page differs from what this writes.
 */
final class CliReference {

    private final StringBuilder md = new StringBuilder();

    private CliReference() {
    }

    /** The whole page. */
    static String markdown() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine root = Main.commandLine(sink, sink);
        return new CliReference().page(root);
    }

    private String page(CommandLine root) {
        CommandSpec sieve = root.getCommandSpec();
        md.append("<!-- Generated from the command line's picocli model by src/test/java/org/sieve/cli/CliReference.java;"
                + " CliReferenceTest fails when it is out of date. Do not edit: change the commands, run"
                + " `mvn -o -B test -Dtest=CliReferenceTest` and copy target/cli.md here. -->\n\n");
        md.append("# The command line\n\n").append(text(sieve.usageMessage().header())).append("\n\n");
        md.append("`./sieve COMMAND [OPTIONS]` in a clone (it builds Sieve on its first run), `sieve COMMAND [OPTIONS]`"
                + " where Sieve is installed (`/opt/sieve/bin/sieve` on Linux). `sieve help COMMAND` or"
                + " `sieve COMMAND --help` prints a command's section below.\n\n```\n")
                .append(synopsis(sieve)).append("```\n\n");
        List<CommandLine> shown = new ArrayList<>();
        List<CommandLine> hidden = new ArrayList<>();
        for (CommandLine c : distinct(root.getSubcommands().values())) {
            (c.getCommandSpec().usageMessage().hidden() ? hidden : shown).add(c);
        }
        md.append("| command | what it does |\n| --- | --- |\n");
        shown.forEach(c -> md.append("| [`").append(c.getCommandName()).append("`](#sieve-")
                .append(c.getCommandName()).append(") | ").append(cell(text(c.getCommandSpec().usageMessage().header())))
                .append(" |\n"));
        md.append("\n## Exit status\n\nThe same for every command:\n\n| status | meaning |\n| --- | --- |\n");
        for (Map.Entry<String, String> e : sieve.usageMessage().exitCodeList().entrySet()) {
            md.append("| ").append(e.getKey().strip()).append(" | ").append(cell(e.getValue())).append(" |\n");
        }
        md.append("\nEvery failure is one line on standard error, never a stack trace.\n");
        md.append("\n## sieve\n\nWithout a command, `sieve` opens the explorer; given files (paths of images or models),"
                + " it opens them in the explorer.\n\n");
        arguments(sieve);
        shown.forEach(c -> command(c.getCommandSpec()));
        md.append("\n## Tools for the project's scripts\n\nThese commands are hidden from `sieve help`: the project's"
                + " scripts call them to build bundled models, sample images and the findings.\n");
        hidden.forEach(c -> command(c.getCommandSpec()));
        return md.toString();
    }

    private void command(CommandSpec c) {
        md.append("\n## ").append(c.qualifiedName()).append("\n\n");
        if (c.aliases().length > 0) {
            md.append("Also: ").append(List.of(c.aliases()).stream().map(a -> "`sieve " + a + "`")
                    .collect(Collectors.joining(", "))).append(".\n\n");
        }
        md.append(text(c.usageMessage().header())).append("\n\n");
        for (String paragraph : c.usageMessage().description()) {
            md.append(text(paragraph)).append("\n\n");
        }
        md.append("```\n").append(synopsis(c)).append("```\n\n");
        arguments(c);
        // A command's own commands (lesson list, lesson check, ...) follow it, each with its section.
        distinct(c.subcommands().values()).forEach(sub -> command(sub.getCommandSpec()));
    }

    private void arguments(CommandSpec c) {
        if (!c.positionalParameters().isEmpty()) {
            md.append("| parameter | what it is |\n| --- | --- |\n");
            for (PositionalParamSpec p : c.positionalParameters()) {
                md.append("| `").append(p.paramLabel()).append("` | ").append(cell(description(p))).append(" |\n");
            }
            md.append('\n');
        }
        if (!c.options().isEmpty()) {
            md.append("| option | value | default | what it does |\n| --- | --- | --- | --- |\n");
            for (OptionSpec o : c.options()) {
                md.append("| `").append(String.join("`, `", o.names())).append("` | ")
                        .append(o.typeInfo().isBoolean() ? "" : cell("`" + o.paramLabel() + "`")).append(" | ")
                        .append(cell(defaultOf(o))).append(" | ").append(cell(description(o))).append(" |\n");
            }
        }
    }

    /** "Default: 200;", "(default viridis)": a default the option's help states. */
    private static final Pattern STATED = Pattern.compile("(?i)default:? ([^;)]+?)(?:[;)]|\\.$|\\. )");

    /**
     * The default: picocli's, else the field's initial value where it is a value a user could
     * type (not a sentinel such as 0 for "the recipe's", nor a path that depends on the machine),
     * else the one the option's help states.
     */
    private static String defaultOf(OptionSpec o) {
        if (o.defaultValue() != null) {
            return "`" + o.defaultValue() + "`";
        }
        Object initial = o.initialValue();
        if (initial instanceof Enum<?> e) {
            return "`" + e.name().toLowerCase(Locale.ROOT) + "`";
        }
        if (initial instanceof LayerChoice layers) {
            return "`" + layers.text() + "`";
        }
        boolean sentinel = initial instanceof Number n && (n.doubleValue() == 0 || n.intValue() == Integer.MAX_VALUE);
        if (initial instanceof Number && !sentinel || initial instanceof String) {
            return "`" + initial + "`";
        }
        Matcher stated = STATED.matcher(description(o));
        return stated.find() ? stated.group(1).strip() : "";
    }

    private static String description(ArgSpec a) {
        String candidates = a.completionCandidates() == null ? ""
                : String.join(", ", StreamSupport.stream(a.completionCandidates().spliterator(), false).toList());
        return text(String.join(" ", a.description())).replace("${COMPLETION-CANDIDATES}", candidates)
                .replace("${DEFAULT-VALUE}", a.defaultValueString());
    }

    private static String synopsis(CommandSpec c) {
        return new Help(c, Help.defaultColorScheme(Ansi.OFF)).synopsis(0).replaceAll("(?m)^Usage: ", "")
                .replaceAll("(?m)^ +sieve ", "sieve ");
    }

    /** picocli's text is a format string: %n a line break, %% a percent sign. */
    private static String text(String... lines) {
        return String.join(" ", lines).replace("%n", "\n").replace("%%", "%").strip();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ").strip();
    }

    /** Each command once, though picocli lists it under every alias. */
    private static List<CommandLine> distinct(Collection<CommandLine> commands) {
        return commands.stream().distinct().toList();
    }
}
