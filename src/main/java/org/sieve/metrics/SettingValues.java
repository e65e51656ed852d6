package org.sieve.metrics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The values one setting takes: how they are written and read as text, which of them are
 * allowed, and that range in words.
 *
 * @param parse   text to value; throws {@link IllegalArgumentException} for text of the wrong form
 *                (an enumeration's parser may throw a {@code SieveException} for an unknown name)
 * @param format  value to the text {@code parse} reads back
 * @param allows  whether a value lies in the allowed range
 * @param range   the allowed range in words, e.g. "1 to 100000"
 * @param choices the values spelled out, for completion and choice lists; empty for numbers
 */
public record SettingValues<T>(Class<T> type, Function<String, T> parse, Function<T, String> format,
        Predicate<T> allows, String range, List<String> choices) {

    /**
     * Whole numbers from 1 to {@code max}. Zero or less is not a count at all, so it is refused
     * as text of the wrong form; above {@code max} is a value out of range.
     */
    public static SettingValues<Integer> count(int max) {
        return new SettingValues<>(Integer.class, text -> {
            int n = wholeNumber(text, Integer::parseInt);
            if (n < 1) {
                throw new IllegalArgumentException("expects a whole number of at least 1, got '" + text + "'.");
            }
            return n;
        }, String::valueOf, n -> n >= 1 && n <= max, "1 to " + max, List.of());
    }

    static SettingValues<Long> anyWholeNumber() {
        return new SettingValues<>(Long.class, text -> wholeNumber(text, Long::parseLong), String::valueOf,
                v -> true, "any whole number", List.of());
    }

    static SettingValues<Double> positive() {
        return new SettingValues<>(Double.class, SettingValues::number, SettingValues::plain,
                v -> v > 0 && Double.isFinite(v), "greater than 0", List.of());
    }

    static SettingValues<Double> between(double min, double max) {
        return new SettingValues<>(Double.class, SettingValues::number, SettingValues::plain,
                v -> v >= min && v <= max, plain(min) + " to " + plain(max), List.of());
    }

    /** The input-dependent bound (no larger than the input) is checked where the input is known. */
    static SettingValues<GridSize> grid() {
        return new SettingValues<>(GridSize.class, GridSize::parse, GridSize::toString, g -> true,
                "auto, or RxC up to the model's input size", List.of("auto"));
    }

    static <E extends Enum<E>> SettingValues<E> choice(Class<E> type, Function<String, E> parse,
            Function<E, String> id) {
        List<String> ids = Arrays.stream(type.getEnumConstants()).map(id).toList();
        String range = String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
        return new SettingValues<>(type, parse, id, v -> true, range, ids);
    }

    private static <N> N wholeNumber(String text, Function<String, N> parse) {
        try {
            return parse.apply(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expects a whole number, got '" + text + "'.");
        }
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expects a number, got '" + text + "'.");
        }
    }

    /** 1.5, 0.01, 0.0001: no exponent, no trailing zeros. */
    private static String plain(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : String.valueOf(v);
    }
}
