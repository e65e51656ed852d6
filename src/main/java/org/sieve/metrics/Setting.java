package org.sieve.metrics;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One analysis setting as a person meets it, and where it lives in {@link DiscardingSettings}.
 * The command line's options, the explorer's settings sheet and its saved state are all made
 * from the rows of {@link SettingsTable}.
 *
 * @param name        as on the command line, without the dashes, and in the saved state
 * @param valueLabel  the placeholder for a value in help texts, e.g. "N"
 * @param title       as in the explorer's settings sheet
 * @param explanation one or two sentences on what the setting does
 */
public record Setting<T>(String name, String valueLabel, String title, String explanation, SettingValues<T> values,
        Function<DiscardingSettings, T> get,
        BiFunction<DiscardingSettings.Builder, T, DiscardingSettings.Builder> set) {

    public Class<T> type() {
        return values.type();
    }

    public T defaultValue() {
        return get.apply(DiscardingSettings.defaults());
    }

    /** @throws IllegalArgumentException for text of the wrong form; see {@link SettingValues#parse} */
    public T parse(String text) {
        return values.parse().apply(text);
    }

    public String text(T value) {
        return values.format().apply(value);
    }

    /** The setting's value in {@code s}, as {@link #parse} reads it. */
    public String textOf(DiscardingSettings s) {
        return text(get.apply(s));
    }

    /** {@code s} with this setting changed to {@code value}, which must be of {@link #type()}. */
    public DiscardingSettings with(DiscardingSettings s, Object value) {
        return set.apply(s.toBuilder(), type().cast(value)).build();
    }

    /**
     * What is wrong when {@code s} holds a value outside the allowed range, naming the setting,
     * the value and the range; null when the value is allowed.
     */
    public String problem(DiscardingSettings s) {
        T value = get.apply(s);
        return values.allows().test(value) ? null : name + " = " + text(value) + " is outside its allowed range, "
                + values.range() + "; choose a value in that range";
    }
}
