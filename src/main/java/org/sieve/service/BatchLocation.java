package org.sieve.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sieve.SieveException;

/**
 * A batch's {@code --images} or {@code --out} as given: a local path or a {@code file:} URI, which
 * is the same folder. A URI of another file system ({@code hdfs://}, {@code s3a://}) is refused
 * in words: read as a path it would silently become a local folder named after the scheme.
 */
public final class BatchLocation {

    /** A URI's scheme as Hadoop writes them: {@code file:}, or any {@code scheme://}. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(//)?");

    private BatchLocation() {
    }

    /**
     * @param given  the folder as the user typed it
     * @param option the option it came from, for the message
     * @throws SieveException (bad input) for a URI this batch cannot use as a local folder
     */
    public static Path folder(String given, String option) {
        Matcher m = SCHEME.matcher(given);
        if (!m.find() || m.group(2) == null && !m.group(1).equalsIgnoreCase("file")) {
            return Path.of(given);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("file")) {
            throw new SieveException(option + " " + given + ": the batch reads and writes local folders and file:"
                    + " URIs, not " + scheme + ": URIs. Copy the images to a folder every machine sees at the same"
                    + " path (docs/cluster.md).");
        }
        try {
            return Path.of(new URI(given));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new SieveException(option + " " + given + " is not a local file: URI (" + e.getMessage()
                    + "). Write it as file:///absolute/path, or give the path itself.", e);
        }
    }
}
