package org.sieve.cli;

import org.sieve.metrics.SettingValues;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A whole number of at least 1 (epochs, images, repeats), read as the settings' counts are. */
final class Count implements ITypeConverter<Integer> {

    private static final SettingValues<Integer> COUNTS = SettingValues.count(Integer.MAX_VALUE);

    @Override
    public Integer convert(String text) {
        try {
            return COUNTS.parse().apply(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
