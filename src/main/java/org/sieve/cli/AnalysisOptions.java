package org.sieve.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sieve.analysis.SettingsResolver;
import org.sieve.metrics.DiscardingSettings;
import org.sieve.metrics.Metric;
import org.sieve.metrics.Setting;
import org.sieve.metrics.SettingsTable;
import org.sieve.model.Model;
import org.sieve.network.format.DecoderIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The analysis settings as options of analyze, batch, bench and snapshot: one option per row of
 * {@link SettingsTable}, with the row's name, explanation, default and range, so nothing here
 * repeats the table. picocli hands a mixin's model transformer on to the command that mixes it
 * in; {@link Declare} then adds the options there.
 */
@Command(modelTransformer = AnalysisOptions.Declare.class)
final class AnalysisOptions {

    /** The settings given on the command line, parsed. */
    private final Map<Setting<?>, Object> given = new LinkedHashMap<>();
    /** What a setting not given is; its help shows these defaults. */
    private final DiscardingSettings base;
    private boolean declared;

    AnalysisOptions() {
        this(DiscardingSettings.defaults());
    }

    /** For a command whose defaults differ from the settings table's (bench's shorter runs). */
    AnalysisOptions(DiscardingSettings base) {
        this.base = base;
    }

    /** {@code base} with every setting given on the command line. */
    DiscardingSettings requested(DiscardingSettings base) {
        DiscardingSettings s = base;
        for (Map.Entry<Setting<?>, Object> e : given.entrySet()) {
            s = e.getKey().with(s, e.getValue());
        }
        return s;
    }

    /**
     * The settings for analysing {@code layers} of {@code model} (this command's defaults with the
     * settings given), resolved against it; impossible values, and metric 2 for layers without
     * decoders, are refused before any work starts, and metric 2 over decoders of different
     * designs is warned of on {@code err}.
     */
    DiscardingSettings resolve(Model model, List<String> layers, PrintStream err) {
        DiscardingSettings s = SettingsResolver.resolve(requested(base), model.metadata(), layers.size());
        if (s.metric() == Metric.RECONSTRUCTION_UNCERTAINTY) {
            DecoderIndex.check(model, layers);
            String mixed = DecoderIndex.mixedDesigns(model, layers);
            if (mixed != null) {
                err.println("warning: " + mixed);
            }
        }
        return s;
    }

    private OptionSpec option(Setting<?> setting) {
        String help = setting.explanation() + " Default: " + setting.textOf(base)
                + "; allowed: " + setting.values().range() + ".";
        OptionSpec.Builder option = OptionSpec.builder("--" + setting.name())
                .paramLabel(setting.valueLabel())
                .description(help.replace("%", "%%"))
                .type(setting.type())
                .converters(text -> parse(setting, text))
                .getter(new IGetter() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> T get() {
                        return (T) given.get(setting);
                    }
                })
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        if (value == null) {
                            given.remove(setting);
                        } else {
                            given.put(setting, value);
                        }
                        return null;
                    }
                });
        if (!setting.values().choices().isEmpty()) {
            option.completionCandidates(setting.values().choices());
        }
        return option.build();
    }

    /**
     * Text of the wrong form is a usage error; an unknown name of a metric, device or feature map
     * is a {@code SieveException} and keeps its exit status (see {@link Failures#usage}).
     */
    private static Object parse(Setting<?> setting, String text) {
        try {
            return setting.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * Adds the options of the {@code AnalysisOptions} mixed into a command to that command, once:
     * picocli transforms a command once per name, and analyze has two (analyse).
     */
    static final class Declare implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (CommandSpec mixin : command.mixins().values()) {
                if (mixin.userObject() instanceof AnalysisOptions options && !options.declared) {
                    options.declared = true;
                    SettingsTable.ALL.forEach(setting -> command.addOption(options.option(setting)));
                }
            }
            return command;
        }
    }
}
